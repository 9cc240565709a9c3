import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AcknowledgeAlert,
  AssignCase,
  AutoAssignCases,
  AutoAssignCasesResult,
  CaseDetail,
  CaseSummary,
  DecideApproval,
  GetCase,
  Page as ResultPage,
  SearchCases,
} from '@qingshou/collection';
import { DomainError } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues, formWithProblems } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  ListSupervisorCases,
  SupervisorCasePage,
} from '../queries/list-supervisor-cases/list-supervisor-cases.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import {
  ApprovalItemError,
  decisionRefusal,
  missingRejectNote,
} from '../approvals/decision-refusal';
import { DeskForms, DeskView, deskHref, deskViewOf, SupervisorDesk } from './supervisor-model';

const ASSIGN: FormSpec = { id: 'assign', fields: ['caseIds', 'assigneeId', 'handoverNote'] };
const HANDOVER: FormSpec = { id: 'handover', fields: ['fromId', 'toId', 'handoverNote'] };
const AUTO: FormSpec = { id: 'auto', fields: ['caseIds'] };
const OPEN_STATUSES = ['open', 'promised', 'paused', 'legal'] as const;
/** A handover moves at most this many cases per submit (each is one audited AssignCase). */
const HANDOVER_MAX = 500;
/** 自动分案 with nothing ticked takes the whole unassigned pool, up to this many. */
const AUTO_MAX = 500;

const freshForms = (): DeskForms => ({
  assign: emptyForm(ASSIGN),
  handover: emptyForm(HANDOVER),
  auto: emptyForm(AUTO),
});

/** The posted `caseIds` (one checkbox or many). */
function caseIdsOf(body: unknown): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.caseIds;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
}

/** 催收主管: unassigned and at-risk cases, (auto) assignment, handover, approvals, SLA alerts. */
@ConsoleController('supervisor', 'console.supervisor')
export class SupervisorPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly desk: SupervisorDesk,
  ) {}

  @Get()
  async show(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    const model = await this.desk.model(page, deskViewOf(query), freshForms());
    return this.views.page('supervisor/index', page, model);
  }

  /**
   * Where a supervisor's task on a case leads (the worklist links here): a case nobody holds
   * yet (篇八 分配案件) opens the desk at the unassigned pool; any other, the case page.
   */
  @Get('cases/:id')
  async caseTask(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const found = await this.queries.execute<GetCase, CaseDetail>(new GetCase(page.meta(), id));
    throw new ConsoleRedirect(
      found.assignee ? `/console/cases/${id}` : '/console/supervisor#unassigned-h',
    );
  }

  /** Assign the ticked cases to one collector; each case is its own AssignCase. */
  @Post('assign')
  @Permission('case.assign')
  async assign(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const caseIds = caseIdsOf(body);
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

  /** 自动分案, step 1: the pack rule's plan for the ticked (or all unassigned) cases; nothing saved. */
  @Post('auto-assign/preview')
  @Permission('case.assign')
  async autoPreview(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const ticked = caseIdsOf(body);
    const caseIds = ticked.length ? ticked : await this.wholePool(page);
    if (caseIds.length === 0) {
      const problems = [{ path: 'caseIds', reason: page.t('supervisor.noUnassigned') }];
      return this.fail(page, 'auto', formWithProblems(AUTO, {}, problems, null, null));
    }
    const plan = await this.autoAssign(page, caseIds, true);
    if (!plan.ok) return this.fail(page, 'auto', plan.form);
    const model = await this.desk.model(page, {}, freshForms(), plan.result);
    return page.htmx
      ? this.views.partial('supervisor/index.main', page, model)
      : this.views.page('supervisor/index', page, model);
  }

  /** 自动分案, step 2: the same command, confirmed: the plan is worked out again and saved. */
  @Post('auto-assign')
  @Permission('case.assign')
  async autoConfirm(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const caseIds = caseIdsOf(body);
    if (caseIds.length === 0) {
      const problems = [{ path: 'caseIds', reason: page.t('supervisor.pickCases') }];
      return this.fail(page, 'auto', formWithProblems(AUTO, {}, problems, null, null));
    }
    const done = await this.autoAssign(page, caseIds, false);
    if (!done.ok) return this.fail(page, 'auto', done.form);
    return this.done(page, 'flash.autoAssigned', done.result.assignments.length);
  }

  /** 确认 an SLA alert; the page comes back with the same group open. */
  @Post('alerts/:id/acknowledge')
  @Permission('alert.acknowledge')
  async acknowledge(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    await this.commands.execute(
      new AcknowledgeAlert(page.meta(), id, values.note?.trim() || undefined),
    );
    const view = deskViewOf({ alerts: values.alerts });
    return this.done(page, 'flash.alertAcknowledged', null, view);
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
    const note = values.note?.trim() || undefined;
    // A refusal re-renders the desk with the message at this request's form (as the inbox).
    const noNote = missingRejectNote(id, decision, note);
    if (noNote) return this.failDecision(page, noNote);
    try {
      await this.commands.execute(new DecideApproval(page.meta(), id, decision, note));
    } catch (error) {
      return this.failDecision(page, decisionRefusal(id, error));
    }
    return this.done(page, decision === 'approved' ? 'flash.approved' : 'flash.rejected', null);
  }

  private async wholePool(page: PageContext): Promise<string[]> {
    const pool = await this.queries.execute<ListSupervisorCases, SupervisorCasePage>(
      new ListSupervisorCases(page.meta(), 'unassigned', AUTO_MAX),
    );
    return pool.items.map((c) => c.id);
  }

  private async autoAssign(
    page: PageContext,
    caseIds: string[],
    preview: boolean,
  ): Promise<{ ok: true; result: AutoAssignCasesResult } | { ok: false; form: FormState }> {
    try {
      const result = await this.commands.execute<AutoAssignCases, AutoAssignCasesResult>(
        new AutoAssignCases(page.meta(), { caseIds, preview }),
      );
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      return {
        ok: false,
        form: formWithProblems(AUTO, {}, error.problems, error.message, error.code),
      };
    }
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

  private async fail(page: PageContext, name: keyof DeskForms, form: FormState): Promise<never> {
    const model = await this.desk.model(page, {}, { ...freshForms(), [name]: form });
    const html = page.htmx
      ? await this.views.partial('supervisor/index.main', page, model)
      : await this.views.page('supervisor/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async failDecision(page: PageContext, error: ApprovalItemError): Promise<never> {
    const shown = await this.desk.model(page, {}, freshForms(), null, error);
    // A request decided meanwhile has left the pending list: say so above the desk instead.
    const model = shown.approvals.some((a) => a.id === error.id)
      ? shown
      : { ...shown, flash: error.messageKey };
    const html = page.htmx
      ? await this.views.partial('supervisor/index.main', page, model)
      : await this.views.page('supervisor/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async done(page: PageContext, flash: string, count: number | null, view: DeskView = {}) {
    if (!page.htmx) throw new ConsoleRedirect(deskHref(view, {}), flash);
    return this.views.partial('supervisor/index.main', page, {
      ...(await this.desk.model(page, view, freshForms())),
      flash,
      flashCount: count,
    });
  }
}
