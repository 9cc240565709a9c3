import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApprovalSummary,
  AlertSummary,
  AssignCase,
  CaseSummary,
  DecideApproval,
  ListAlerts,
  ListApprovals,
  Page as ResultPage,
  SearchCases,
} from '@qingshou/collection';
import { DomainError } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues, formWithProblems } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { CollectorOption, ListCollectors } from '../queries/list-collectors/list-collectors.query';
import {
  ListSupervisorCases,
  SupervisorCaseRow,
} from '../queries/list-supervisor-cases/list-supervisor-cases.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const ASSIGN: FormSpec = { id: 'assign', fields: ['caseIds', 'assigneeId', 'handoverNote'] };
const HANDOVER: FormSpec = { id: 'handover', fields: ['fromId', 'toId', 'handoverNote'] };
const OPEN_STATUSES = ['open', 'promised', 'paused', 'legal'] as const;
/** A handover moves at most this many cases per submit (each is one audited AssignCase). */
const HANDOVER_MAX = 500;

interface Forms {
  assign: FormState;
  handover: FormState;
}

const freshForms = (): Forms => ({ assign: emptyForm(ASSIGN), handover: emptyForm(HANDOVER) });

/** 催收主管: unassigned and at-risk cases, (bulk) assignment, handover, approvals, SLA alerts. */
@ConsoleController('supervisor', 'console.supervisor')
export class SupervisorPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('supervisor/index', page, await this.model(page, freshForms()));
  }

  /** Assign the ticked cases to one collector; each case is its own AssignCase. */
  @Post('assign')
  @Permission('case.assign')
  async assign(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const raw = (body as Record<string, unknown> | undefined)?.caseIds;
    const caseIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
    const problems = [
      ...(caseIds.length ? [] : [{ path: 'caseIds', reason: page.t('supervisor.pickCases') }]),
      ...(values.assigneeId ? [] : [{ path: 'assigneeId', reason: page.t('form.required') }]),
    ];
    if (problems.length)
      return this.fail(page, 'assign', formWithProblems(ASSIGN, values, problems, null, null));
    const note = values.handoverNote?.trim() || undefined;
    const moved = await this.assignAll(page, ASSIGN, values, caseIds, values.assigneeId, note);
    if (!moved.ok) return this.fail(page, 'assign', moved.form);
    return this.done(page, 'flash.assigned', moved.count);
  }

  /** 交接: every open case of one collector to another, with the handover note. */
  @Post('handover')
  @Permission('case.assign')
  async handover(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const problems = [
      ...(values.fromId ? [] : [{ path: 'fromId', reason: page.t('form.required') }]),
      ...(values.toId ? [] : [{ path: 'toId', reason: page.t('form.required') }]),
      ...(values.fromId && values.fromId === values.toId
        ? [{ path: 'toId', reason: page.t('supervisor.sameCollector') }]
        : []),
      ...(values.handoverNote?.trim()
        ? []
        : [{ path: 'handoverNote', reason: page.t('form.required') }]),
    ];
    if (problems.length) {
      return this.fail(page, 'handover', formWithProblems(HANDOVER, values, problems, null, null));
    }
    const found = await this.queries.execute<SearchCases, ResultPage<CaseSummary>>(
      new SearchCases(
        page.meta(),
        { assigneeId: values.fromId, status: OPEN_STATUSES },
        undefined,
        200,
      ),
    );
    const ids = found.items.map((c) => c.id).slice(0, HANDOVER_MAX);
    const moved = await this.assignAll(
      page,
      HANDOVER,
      values,
      ids,
      values.toId,
      values.handoverNote.trim(),
    );
    if (!moved.ok) return this.fail(page, 'handover', moved.form);
    return this.done(page, 'flash.handedOver', moved.count);
  }

  @Post('approvals/:id/decision')
  @Permission('approval.decide')
  async decide(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const decision = values.decision === 'rejected' ? 'rejected' : 'approved';
    await this.commands.execute(
      new DecideApproval(page.meta(), id, decision, values.note?.trim() || undefined),
    );
    return this.done(page, decision === 'approved' ? 'flash.approved' : 'flash.rejected', null);
  }

  private async assignAll(
    page: PageContext,
    spec: FormSpec,
    values: Record<string, string>,
    caseIds: string[],
    assigneeId: string,
    handoverNote: string | undefined,
  ): Promise<{ ok: true; count: number } | { ok: false; form: FormState }> {
    let count = 0;
    for (const caseId of caseIds) {
      try {
        const result = await this.commands.execute(
          new AssignCase(page.meta(), { caseId, assigneeId, handoverNote }),
        );
        if ((result as { changed: boolean }).changed) count += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        const done = page.t('supervisor.partlyDone', { count });
        return {
          ok: false,
          form: formWithProblems(
            spec,
            values,
            error.problems,
            `${done} ${error.message}`,
            error.code,
          ),
        };
      }
    }
    return { ok: true, count };
  }

  private async fail(page: PageContext, name: keyof Forms, form: FormState): Promise<never> {
    const model = await this.model(page, { ...freshForms(), [name]: form });
    const html = page.htmx
      ? await this.views.partial('supervisor/index.main', page, model)
      : await this.views.page('supervisor/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async done(page: PageContext, flash: string, count: number | null) {
    if (!page.htmx) throw new ConsoleRedirect('/console/supervisor', flash);
    return this.views.partial('supervisor/index.main', page, {
      ...(await this.model(page, freshForms())),
      flash,
      flashCount: count,
    });
  }

  private async model(page: PageContext, forms: Forms) {
    const [atRisk, unassigned, approvals, collectors, alerts] = await Promise.all([
      this.queries.execute<ListSupervisorCases, SupervisorCaseRow[]>(
        new ListSupervisorCases(page.meta(), 'at-risk', 100),
      ),
      this.queries.execute<ListSupervisorCases, SupervisorCaseRow[]>(
        new ListSupervisorCases(page.meta(), 'unassigned', 100),
      ),
      this.queries.execute<ListApprovals, ResultPage<ApprovalSummary>>(
        new ListApprovals(page.meta(), 'pending', undefined, 100),
      ),
      this.queries.execute<ListCollectors, CollectorOption[]>(new ListCollectors(page.meta())),
      // The SLA monitor's open alerts (GET /api/v1/alerts), oldest breach first.
      this.queries.execute<ListAlerts, ResultPage<AlertSummary>>(
        new ListAlerts(page.meta(), 'open', undefined, 100),
      ),
    ]);
    const choices = collectors.map((c) => ({
      value: c.id,
      label: `${c.displayName}（${c.openCases}）`,
    }));
    return {
      title: 'supervisor.title',
      atRisk,
      unassigned,
      slaAlerts: alerts.items.map((a) => ({ ...a, taskTitle: a.taskTitle ?? null })),
      approvals: approvals.items.map((a) => ({
        ...a,
        payloadLines: Object.entries(a.payload).map(([key, value]) => ({
          key,
          value: Array.isArray(value) ? value.join('、') : String(value),
        })),
      })),
      collectors: choices,
      forms,
      flash: null as string | null,
    };
  }
}
