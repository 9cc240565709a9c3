import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  BlacklistDebtor,
  CaseDetail,
  CloseCase,
  GetCase,
  PauseCase,
  ResumeCase,
} from '@qingshou/collection';
import { FieldProblem, hasPermission, Viewer } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues } from '../forms/form-state';
import { runPanelForm } from '../forms/panel-form';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { CaseDates, GetCaseDates } from '../queries/get-case-dates/get-case-dates.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const CLOSE: FormSpec = { id: 'act-close', fields: ['outcome', 'reason'] };
const PAUSE: FormSpec = { id: 'act-pause', fields: ['reason', 'untilOn', 'notes'] };
const RESUME: FormSpec = { id: 'act-resume', fields: ['notes'] };
const BLACKLIST: FormSpec = { id: 'act-blacklist', fields: ['reason'] };
/** What the console offers to close with; 核销 goes through its approval elsewhere. */
const CLOSE_OUTCOMES = ['returned', 'settled', 'closed'] as const;
const PAUSE_REASONS = ['dispute', 'hardship', 'legal-hold', 'other'] as const;
const CLOSED = ['settled', 'written-off', 'returned', 'closed'];

interface ActionForms {
  close: FormState;
  pause: FormState;
  resume: FormState;
  blacklist: FormState;
}

const fresh = (): ActionForms => ({
  close: emptyForm(CLOSE, { outcome: 'returned' }),
  pause: emptyForm(PAUSE, { reason: 'dispute' }),
  resume: emptyForm(RESUME),
  blacklist: emptyForm(BLACKLIST),
});

/**
 * 案件操作 on the case page: 结案/退案 with a reason, 暂停 with a reason and an end date,
 * 恢复, 列入黑名单 — each through its collection command (CloseCase, PauseCase, ResumeCase,
 * BlacklistDebtor), which decides who may. The panel loads itself into the case page
 * (htmx) and shows only the actions the viewer's role holds.
 */
@ConsoleController('cases', 'case.read')
export class CaseActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':id/actions')
  async panel(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.render(page, id, fresh(), 200);
  }

  @Post(':id/actions/close')
  @Permission('case.close')
  async close(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const outcome = (CLOSE_OUTCOMES as readonly string[]).includes(values.outcome)
      ? (values.outcome as (typeof CLOSE_OUTCOMES)[number])
      : null;
    const problems = [
      ...(outcome ? [] : [{ path: 'outcome', reason: page.t('form.required') }]),
      ...required(page, values, 'reason'),
    ];
    return this.run(page, id, 'close', CLOSE, values, problems, 'flash.caseClosed', () =>
      this.commands.execute(new CloseCase(page.meta(), id, outcome!, values.reason.trim())),
    );
  }

  @Post(':id/actions/pause')
  @Permission('case.pause')
  async pause(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const reason = (PAUSE_REASONS as readonly string[]).includes(values.reason)
      ? (values.reason as (typeof PAUSE_REASONS)[number])
      : null;
    const problems = [
      ...(reason ? [] : [{ path: 'reason', reason: page.t('form.required') }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(values.untilOn ?? '')
        ? []
        : [{ path: 'untilOn', reason: page.t('caseActions.dateNeeded') }]),
    ];
    return this.run(page, id, 'pause', PAUSE, values, problems, 'flash.casePaused', () =>
      this.commands.execute(
        new PauseCase(page.meta(), {
          caseId: id,
          reason: reason!,
          untilOn: values.untilOn,
          notes: values.notes?.trim() || undefined,
        }),
      ),
    );
  }

  @Post(':id/actions/resume')
  @Permission('case.pause')
  async resume(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    return this.run(page, id, 'resume', RESUME, values, [], 'flash.caseResumed', () =>
      this.commands.execute(new ResumeCase(page.meta(), id, values.notes?.trim() || undefined)),
    );
  }

  @Post(':id/actions/blacklist')
  @Permission('debtor.blacklist')
  async blacklist(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const problems = required(page, values, 'reason');
    return this.run(page, id, 'blacklist', BLACKLIST, values, problems, 'flash.blacklisted', () =>
      this.commands.execute(new BlacklistDebtor(page.meta(), id, values.reason.trim())),
    );
  }

  /** Bad input or a refusal re-renders the panel with the message at the field; else back to the case. */
  private run(
    page: PageContext,
    id: string,
    name: keyof ActionForms,
    spec: FormSpec,
    values: Record<string, string>,
    problems: FieldProblem[],
    flash: string,
    act: () => Promise<unknown>,
  ): Promise<string> {
    const redirect = `/console/cases/${id}`;
    return runPanelForm({ spec, values, problems, redirect, flash }, act, (form) =>
      this.render(page, id, { ...fresh(), [name]: form }, 422),
    );
  }

  private async render(
    page: PageContext,
    id: string,
    forms: ActionForms,
    status: number,
  ): Promise<string> {
    const [found, dates] = await Promise.all([
      this.queries.execute<GetCase, CaseDetail>(new GetCase(page.meta(), id)),
      this.queries.execute<GetCaseDates, CaseDates>(new GetCaseDates(page.meta(), id)),
    ]);
    const viewer: Viewer = { userId: page.user.userId, roles: page.user.roles };
    const closed = CLOSED.includes(found.status);
    const activePause = found.pauses.find((p) => p.endedOn === null) ?? null;
    const model = {
      title: 'caseActions.title',
      caseId: id,
      debtorName: found.debtor.name,
      status: found.status,
      closed,
      activePause,
      blacklisted: found.blacklisted,
      dates,
      may: {
        close: !closed && hasPermission(viewer, 'case.close'),
        pause: !closed && !activePause && hasPermission(viewer, 'case.pause'),
        resume: !closed && Boolean(activePause) && hasPermission(viewer, 'case.pause'),
        blacklist: !found.blacklisted && hasPermission(viewer, 'debtor.blacklist'),
      },
      closeOutcomes: CLOSE_OUTCOMES,
      pauseReasons: PAUSE_REASONS,
      forms,
    };
    const html = page.htmx
      ? await this.views.partial('cases/show.actions', page, model)
      : await this.views.page('cases/actions', page, model);
    if (status !== 200) throw new ConsoleHtml(html, status);
    return html;
  }
}

function required(page: PageContext, values: Record<string, string>, name: string) {
  return values[name]?.trim() ? [] : [{ path: name, reason: page.t('form.required') }];
}
