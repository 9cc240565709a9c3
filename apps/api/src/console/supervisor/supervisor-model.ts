import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  AlertSummary,
  ApprovalSummary,
  AutoAssignCasesResult,
  ListAlerts,
  ListApprovals,
  Page as ResultPage,
} from '@qingshou/collection';
import { readableApproval } from '../approvals/approval-fields';
import { ApprovalItemError, itemErrors } from '../approvals/decision-refusal';
import type { FormState } from '../forms/form-state';
import { AlertGroup, ListAlertGroups } from '../queries/list-alert-groups/list-alert-groups.query';
import { CollectorOption, ListCollectors } from '../queries/list-collectors/list-collectors.query';
import {
  ListSupervisorCases,
  RISK_REASONS,
  RiskReason,
  SupervisorCasePage,
} from '../queries/list-supervisor-cases/list-supervisor-cases.query';
import type { PageContext } from '../render/page-context';

/** The desk's list state, from the query string (links keep it; forms post it back). */
export interface DeskView {
  readonly riskCursor?: string;
  readonly reason?: RiskReason;
  readonly minDpd?: number;
  readonly poolCursor?: string;
  /** The alert group opened: a task kind. */
  readonly alerts?: string;
  readonly alertsCursor?: string;
}

export function deskViewOf(query: Record<string, unknown> | undefined): DeskView {
  const text = (name: string) => {
    const value = query?.[name];
    return typeof value === 'string' && value.trim() ? value.trim().slice(0, 400) : undefined;
  };
  const reason = text('reason');
  const minDpd = Number(text('minDpd'));
  return {
    riskCursor: text('riskCursor'),
    reason: (RISK_REASONS as readonly string[]).includes(reason ?? '')
      ? (reason as RiskReason)
      : undefined,
    minDpd: Number.isInteger(minDpd) && minDpd > 0 ? minDpd : undefined,
    poolCursor: text('poolCursor'),
    alerts: /^[a-z][a-z0-9-]{0,47}$/.test(text('alerts') ?? '') ? text('alerts') : undefined,
    alertsCursor: text('alertsCursor'),
  };
}

/** The query string of a view, with some keys replaced (paging links, filter form). */
export function deskHref(view: DeskView, change: Partial<Record<keyof DeskView, unknown>>) {
  const merged = { ...view, ...change } as Record<string, unknown>;
  const pairs = Object.entries(merged).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const qs = pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  return `/console/supervisor${qs ? `?${qs}` : ''}`;
}

export interface DeskForms {
  readonly assign: FormState;
  readonly handover: FormState;
  readonly auto: FormState;
}

const PAGE = 50;

/** Reads everything the 主管工作台 shows, for the controller to render. */
@Injectable()
export class SupervisorDesk {
  constructor(private readonly queries: QueryBus) {}

  async model(
    page: PageContext,
    view: DeskView,
    forms: DeskForms,
    preview: AutoAssignCasesResult | null = null,
    /** A refused decision, shown at its request's form. */
    approvalError: ApprovalItemError | null = null,
  ) {
    // Every key present (strict templates refuse a missing one), unset ones undefined.
    view = { ...deskViewOf(undefined), ...view };
    const meta = page.meta();
    const [atRisk, unassigned, approvals, collectors, groups, alerts] = await Promise.all([
      this.queries.execute<ListSupervisorCases, SupervisorCasePage>(
        new ListSupervisorCases(meta, 'at-risk', PAGE, view.riskCursor, {
          reason: view.reason,
          minDpd: view.minDpd,
        }),
      ),
      this.queries.execute<ListSupervisorCases, SupervisorCasePage>(
        new ListSupervisorCases(meta, 'unassigned', PAGE, view.poolCursor),
      ),
      this.queries.execute<ListApprovals, ResultPage<ApprovalSummary>>(
        new ListApprovals(meta, 'pending', undefined, 100),
      ),
      this.queries.execute<ListCollectors, CollectorOption[]>(new ListCollectors(meta)),
      this.queries.execute<ListAlertGroups, AlertGroup[]>(new ListAlertGroups(meta)),
      view.alerts
        ? this.queries.execute<ListAlerts, ResultPage<AlertSummary>>(
            new ListAlerts(meta, 'open', view.alertsCursor, 20, view.alerts),
          )
        : Promise.resolve(null),
    ]);
    const here = deskHref(view, {});
    return {
      title: 'supervisor.title',
      view,
      here,
      atRisk: atRisk.items,
      atRiskTotal: atRisk.total,
      atRiskMore: atRisk.nextCursor ? deskHref(view, { riskCursor: atRisk.nextCursor }) : null,
      atRiskFirst: view.riskCursor ? deskHref(view, { riskCursor: undefined }) : null,
      reasons: RISK_REASONS.map((r) => ({ value: r, selected: r === view.reason })),
      unassigned: unassigned.items,
      unassignedTotal: unassigned.total,
      poolMore: unassigned.nextCursor
        ? deskHref(view, { poolCursor: unassigned.nextCursor })
        : null,
      alertGroups: groups.map((g) => ({
        ...g,
        open: g.taskKind === view.alerts,
        href: deskHref(view, { alerts: g.taskKind, alertsCursor: undefined }) + '#alerts-h',
      })),
      alertCount: groups.reduce((n, g) => n + g.count, 0),
      openAlerts: alerts?.items ?? null,
      alertsMore: alerts?.nextCursor
        ? deskHref(view, { alertsCursor: alerts.nextCursor }) + '#alerts-h'
        : null,
      // Fields by Chinese label, never the raw payload (the inbox's catalogue).
      approvals: approvals.items.map((a) => ({
        ...a,
        ...readableApproval(a),
        ...itemErrors(a.id, approvalError),
      })),
      collectors: collectors.map((c) => ({
        value: c.id,
        label: `${c.displayName}（${c.openCases}）`,
      })),
      preview,
      previewIds: preview ? preview.assignments.map((a) => a.caseId) : [],
      forms,
      flash: null as string | null,
      flashCount: null as number | null,
    };
  }
}
