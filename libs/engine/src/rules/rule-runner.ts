import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { localDateOf } from '@qingshou/calendar';
import { EventLog, type PublishedEvent } from '@qingshou/db';
import { AccountBalances } from '@qingshou/ledger';
import { LetterLinks } from '@qingshou/self-service';
import type { ActionName } from '@qingshou/policy';
import {
  ActionInstance,
  boundedKey,
  CaseRef,
  caselessTask,
  instancesOf,
} from '../apply/action-rows';
import { fireActions } from '../apply/fire-actions';
import type { ReadyNotice } from '../apply/notice-data';
import type { CaseFacts, ConditionData } from '../domain/case-facts';
import { conditionNames, holds } from '../domain/conditions';
import type { PlannedAction } from '../domain/ladder';
import type { PackView } from '../domain/pack-view';
import { loadChunkFacts } from '../load/case-facts';
import { pgArray } from '../load/sql';
import { CHUNK_SIZE } from '../run/case-evaluator';
import { assigneeRoles, readyNotices } from '../run/notice-orders';
import { PinnedPacks, tenantZone } from '../run/pinned-packs';
import { ChunkOutcome, emptyOutcome, RunContext } from '../run/run-context';
import { Trigger, triggersOf } from './event-triggers';

interface RuleData {
  readonly id: string;
  readonly on: string;
  readonly when?: ConditionData;
  readonly do: readonly Record<string, unknown>[];
}

export interface RulesFired {
  readonly view: PackView;
  readonly outcome: ChunkOutcome;
  /** Notices the rules ordered, to issue after the transaction commits. */
  readonly notices: ReadyNotice[];
}

/**
 * Runs the tenant's pinned pack rules whose `on` matches a committed platform event, in the
 * caller's transaction (the consumer's exactly-once record commits with it). Time is the
 * event's: SLAs count in working time on the tenant's calendar from when it happened. Keys
 * are rule + action + event (or + import for a batch), so a redelivery creates nothing.
 * A repeating task (`every`) started by a rule fires its first instance only.
 */
@Injectable()
export class RuleRunner {
  constructor(
    private readonly packs: PinnedPacks,
    private readonly ledger: AccountBalances,
    private readonly events: EventLog,
    private readonly links: LetterLinks,
  ) {}

  async run(em: EntityManager, event: PublishedEvent): Promise<RulesFired | null> {
    const view = await this.packs.active(em, event.tenantId);
    const rules = (view?.pack.spec.rules ?? []) as unknown as readonly RuleData[];
    if (!view || rules.length === 0) return null;
    const triggers = (await triggersOf(em, event)).filter((t) =>
      rules.some((r) => r.on === t.event),
    );
    if (triggers.length === 0) return null;
    const timeZone = await tenantZone(em, event.tenantId);
    const now = new Date(event.occurredAt);
    const ctx: RunContext = {
      tenantId: event.tenantId,
      asOf: localDateOf(now, timeZone),
      now,
      timeZone,
      pack: view,
      calendar: this.packs.calendarOf(view, timeZone),
      actorId: 'engine:rules',
      correlationId: event.correlationId,
      dryRun: false,
    };
    const out = emptyOutcome();
    for (const trigger of triggers) {
      const matching = rules.filter((r) => r.on === trigger.event);
      if (trigger.kind === 'tenant')
        await fireActions(em, ctx, tenantInstances(ctx, matching, batchAnchor(event), out), out);
      else await this.fireCaseRules(em, ctx, matching, trigger, event, out);
    }
    const notices = await readyNotices(em, this.ledger, ctx, out.notices, this.links);
    await this.record(em, ctx, event, out);
    return { view, outcome: out, notices };
  }

  /** Case rules, chunk by chunk: a batch of 50 000 imported cases is 100 set-based rounds. */
  private async fireCaseRules(
    em: EntityManager,
    ctx: RunContext,
    rules: readonly RuleData[],
    trigger: Exclude<Trigger, { kind: 'tenant' }>,
    event: PublishedEvent,
    out: ChunkOutcome,
  ) {
    const caseIds =
      trigger.kind === 'cases' ? trigger.caseIds : await casesOfImport(em, ctx, trigger.importId);
    const anchor = trigger.kind === 'import' ? trigger.importId : batchAnchor(event);
    const needsFacts = rules.some((r) => r.when || r.do.some((a) => 'notice' in a));
    for (let i = 0; i < caseIds.length; i += CHUNK_SIZE) {
      const chunk = caseIds.slice(i, i + CHUNK_SIZE);
      const refs = needsFacts
        ? await this.facts(em, ctx, rules, chunk)
        : await caseRefs(em, ctx, chunk);
      const roles = await assigneeRoles(em, ctx.tenantId, refs);
      const instances: ActionInstance[] = [];
      for (const ref of refs) {
        for (const rule of rules) {
          const facts = ref as CaseFacts;
          if (rule.when && !holds(rule.when, { asOf: ctx.asOf, facts })) continue;
          const prefix = `${ctx.tenantId}:${ref.caseId}:rule:${rule.id}`;
          const actions = plannedActions(rule, prefix, anchor, ctx);
          instances.push(...instancesOf(ctx, ref, actions, roles, 'rule'));
        }
      }
      await fireActions(em, ctx, instances, out);
    }
  }

  /** Full facts, as the ladder reads them, when a rule has a condition or sends a notice. */
  private async facts(
    em: EntityManager,
    ctx: RunContext,
    rules: readonly RuleData[],
    caseIds: readonly string[],
  ): Promise<CaseFacts[]> {
    const needs = new Set<string>();
    rules.forEach((r) => conditionNames(r.when, needs));
    const rows = await em.execute<Record<string, string | null>[]>(
      `select id, debtor_id, status, stage, assignee_id, overdue_reason_code, opened_on::text as opened_on
       from cases where tenant_id = ? and id = any(?::uuid[]) and closed_on is null order by id`,
      [ctx.tenantId, pgArray(caseIds)],
    );
    const loaded = await loadChunkFacts(
      em,
      this.ledger,
      {
        tenantId: ctx.tenantId,
        asOf: ctx.asOf,
        timeZone: ctx.timeZone,
        needs,
        contactWindowDays: Math.max(ctx.pack.contactWindowDays, widestWindow(rules)),
      },
      rows.map((r) => ({
        id: String(r.id),
        debtorId: String(r.debtor_id),
        status: String(r.status),
        stage: r.stage,
        assigneeId: r.assignee_id,
        overdueReasonCode: r.overdue_reason_code,
        openedOn: String(r.opened_on),
      })),
    );
    return loaded.facts;
  }

  /** One audit event per platform event the rules reacted to, with the counts. */
  private async record(
    em: EntityManager,
    ctx: RunContext,
    event: PublishedEvent,
    out: ChunkOutcome,
  ) {
    const created = out.tasks.length + out.approvals.length + out.flags.length;
    if (created + out.notifications.length + out.notices.length + out.held.length === 0) return;
    const summary = {
      pack: ctx.pack.ref,
      event: { id: event.eventId, type: event.type, aggregateId: event.aggregateId },
      tasksCreated: out.tasks.length,
      tasks: out.tasks.slice(0, 50).map((t) => ({ caseId: t.caseId, kind: t.kind, key: t.key })),
      approvalsRequested: out.approvals.length,
      noticesOrdered: out.notices.length,
      noticesHeld: out.held.length,
      flags: out.flags.slice(0, 50),
      notifications: out.notifications.slice(0, 50),
    };
    await this.events.append(
      em,
      {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        correlationId: ctx.correlationId,
        occurredAt: ctx.now,
      },
      [
        {
          type: 'PackRulesFired',
          aggregateType: 'engine-rules',
          aggregateId: event.eventId,
          payload: summary,
          before: null,
          after: summary,
          publish: ['domain-events'],
        },
      ],
    );
  }
}

/** A rule on an event of no case (a batch received) creates tasks and notifications only. */
function tenantInstances(
  ctx: RunContext,
  rules: readonly RuleData[],
  anchor: string,
  out: ChunkOutcome,
): ActionInstance[] {
  const instances: ActionInstance[] = [];
  for (const rule of rules) {
    if (rule.when) {
      out.errors.push({
        caseId: '',
        reason: `rule ${rule.id}: a tenant event has no case to judge`,
      });
      continue;
    }
    for (const action of plannedActions(rule, `${ctx.tenantId}:rule:${rule.id}`, anchor, ctx)) {
      if (action.name === 'task') {
        instances.push(caselessTask(ctx, action, 'rule', ctx.now, null));
      } else if (action.name === 'notifyRole') {
        instances.push({
          key: action.key,
          source: 'rule',
          caseId: null,
          debtorId: null,
          action,
          targetId: null,
          notify: { role: String(action.args.role), message: action.args.message },
          detail: { role: action.args.role, message: action.args.message ?? null },
        });
      }
    }
  }
  return instances;
}

/** A batch fires once per import, whichever event delivered it; anything else per event. */
function batchAnchor(event: PublishedEvent): string {
  return event.aggregateType === 'import' ? event.aggregateId : event.eventId;
}

function plannedActions(
  rule: RuleData,
  prefix: string,
  anchor: string,
  ctx: RunContext,
): PlannedAction[] {
  return rule.do.map((action, index) => {
    const name = Object.keys(action)[0] as ActionName;
    return {
      key: boundedKey(`${prefix}:${index}:${anchor}`),
      stage: rule.id,
      index,
      name,
      args: (action[name] ?? {}) as Record<string, unknown>,
      period: ctx.asOf,
      repeating: false,
    };
  });
}

/** What instancesOf needs of a case when no condition is judged: one statement per chunk. */
async function caseRefs(
  em: EntityManager,
  ctx: RunContext,
  caseIds: readonly string[],
): Promise<CaseRef[]> {
  const rows = await em.execute<
    { id: string; debtor_id: string; assignee_id: string | null; account_ids: string[] | null }[]
  >(
    `select c.id, c.debtor_id, c.assignee_id,
            array_remove(array_agg(ca.account_id order by ca.account_id), null)::text[] as account_ids
     from cases c left join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
     where c.tenant_id = ? and c.id = any(?::uuid[]) and c.closed_on is null
     group by c.tenant_id, c.id order by c.id`,
    [ctx.tenantId, pgArray(caseIds)],
  );
  return rows.map((r) => ({
    caseId: r.id,
    debtorId: r.debtor_id,
    assigneeId: r.assignee_id,
    accountIds: r.account_ids ?? [],
  }));
}

async function casesOfImport(em: EntityManager, ctx: RunContext, importId: string) {
  const rows = await em.execute<{ id: string }[]>(
    `select id from cases where tenant_id = ? and import_id = ? and closed_on is null order by id`,
    [ctx.tenantId, importId],
  );
  return rows.map((r) => r.id);
}

/** The widest `contactOutcome.withinDays` in the rules' conditions, at least 1. */
function widestWindow(rules: readonly RuleData[]): number {
  let widest = 1;
  const scan = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const within = (o.contactOutcome as { withinDays?: number } | undefined)?.withinDays;
    if (typeof within === 'number') widest = Math.max(widest, within);
    Object.values(o).forEach(scan);
  };
  rules.forEach((r) => scan(r.when));
  return widest;
}
