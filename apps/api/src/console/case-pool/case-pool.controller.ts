import { Body, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AssignCase, type CasePoolPage, SearchCases } from '@qingshou/collection';
import { DomainError } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, formValues, formWithProblems, type FormState } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { hasMessage } from '../i18n/i18n';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { parseFilters } from './case-pool-filters';
import {
  BATCH_SPEC,
  type BatchRefusal,
  type BatchState,
  CasePoolModel,
  FILTER_SPEC,
  freshBatch,
} from './case-pool-model';
import { selectedIds } from './case-selection';

/**
 * 案件查询 (issue 11 §1): every role that reads cases finds them here by filter or by the
 * search box, as visibleCasesSql lets them see; a supervisor or manager assigns a selection
 * (one AssignCase per case, so the handover-note rule and the audit trail are the usual ones).
 * Static routes live under `pool/` so they never meet the case page's `:id/...`.
 */
@ConsoleController('cases', 'case.read')
export class CasePoolController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly model: CasePoolModel,
  ) {}

  @Get()
  async list(@Page() page: PageContext, @Query() query: unknown): Promise<string> {
    const parsed = parseFilters(page, query);
    const form = parsed.problems.length
      ? formWithProblems(FILTER_SPEC, parsed.values, parsed.problems, null, null)
      : emptyForm(FILTER_SPEC, parsed.values);
    const cursor = formValues(query).cursor || undefined;
    const model = await this.model.build(page, parsed, form, freshBatch(), cursor);
    const html = page.htmx
      ? await this.views.partial('case-pool/index.list', page, model)
      : await this.views.page('case-pool/index', page, model);
    if (parsed.problems.length) throw new ConsoleHtml(html, 422);
    return html;
  }

  /** 批量分案: the selection to one collector; a note is asked first when any changes hands. */
  @Post('pool/assign')
  @Permission('case.assign')
  async assign(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const caseIds = selectedIds(body);
    const note = values.handoverNote?.trim() || undefined;
    const problems = [
      ...(caseIds.length ? [] : [{ path: 'caseIds', reason: page.t('pool.pickCases') }]),
      ...(values.collectorId ? [] : [{ path: 'collectorId', reason: page.t('form.required') }]),
    ];
    const selected = caseIds.length
      ? await this.queries.execute<SearchCases, CasePoolPage>(
          new SearchCases(page.meta(), { caseIds }, undefined, 200),
        )
      : null;
    if (values.collectorId && !note) {
      const changesHands = selected?.items.some(
        (c) => c.assignee && c.assignee.id !== values.collectorId,
      );
      if (changesHands) problems.push({ path: 'handoverNote', reason: page.t('pool.noteNeeded') });
    }
    if (problems.length) {
      return this.render(page, body, {
        form: formWithProblems(BATCH_SPEC, values, problems, null, null),
        refusals: [],
      });
    }
    let moved = 0;
    const refusals: BatchRefusal[] = [];
    for (const item of selected?.items ?? []) {
      try {
        const result = await this.commands.execute(
          new AssignCase(page.meta(), {
            caseId: item.id,
            assigneeId: values.collectorId,
            handoverNote: note,
          }),
        );
        if ((result as { changed: boolean }).changed) moved += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        refusals.push({
          caseId: item.id,
          debtor: item.debtor.name,
          reason: assignRefusal(page, error),
        });
      }
    }
    const form = refusals.length
      ? formWithProblems(
          BATCH_SPEC,
          values,
          [],
          page.t('pool.partlyAssigned', { count: moved }),
          null,
        )
      : emptyForm(BATCH_SPEC);
    return this.render(page, body, { form, refusals }, refusals.length ? null : moved);
  }

  /** The list again under the same filters (hidden fields of the batch form). */
  private async render(
    page: PageContext,
    body: unknown,
    batch: BatchState,
    assigned: number | null = null,
  ): Promise<string> {
    const parsed = parseFilters(page, body);
    const filter: FormState = emptyForm(FILTER_SPEC, parsed.values);
    const model = await this.model.build(page, parsed, filter, batch);
    const full =
      assigned === null ? model : { ...model, flash: 'pool.assigned', flashCount: assigned };
    const html = page.htmx
      ? await this.views.partial('case-pool/index.list', page, full)
      : await this.views.page('case-pool/index', page, full);
    if (batch.form.general.length || Object.keys(batch.form.errors).length) {
      throw new ConsoleHtml(html, 422);
    }
    return html;
  }
}

/** Why AssignCase refused one case, in words (its English stays in the log). */
function assignRefusal(page: PageContext, error: DomainError): string {
  if (error.problems.some((p) => p.path.endsWith('handoverNote'))) return page.t('pool.noteNeeded');
  const key = `pool.assignErr.${error.code}`;
  return page.t(hasMessage(key) ? key : 'pool.assignErr.other');
}
