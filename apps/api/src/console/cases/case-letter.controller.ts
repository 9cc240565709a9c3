import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@qingshou/core';
import {
  type CaseNoticeOutcome,
  type CaseNoticePreview,
  IssueCaseNotice,
  PreviewCaseNotice,
} from '@qingshou/engine';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, formValues } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import type { CaseLetterChoices } from '../queries/list-case-letter-templates/list-case-letter-templates.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { freshCaseForms } from './case-forms';
import {
  freshLetterState,
  letterPanel,
  letterRequest,
  letterSpec,
  LetterState,
  refusedLetterForm,
} from './case-letter-form';
import { CasePageModel } from './case-page-model';

/** What a letter's fields may carry back into the form (query of the template switch). */
const KEPT = ['letterDate', 'recipient', 'idempotencyKey'] as const;

/**
 * 开具通知书 on the case page: a person previews and issues a letter of the tenant's pinned
 * pack through the engine's path (PreviewCaseNotice / IssueCaseNotice): figures from the
 * ledger, params and delivery rule from the pack, the pack's approval holding it. The page
 * only builds the request from the template's declared fields and says the outcome.
 */
@ConsoleController('cases', 'case.read')
export class CaseLetterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly pageModel: CasePageModel,
  ) {}

  /** The panel again for another template (htmx swaps it when the select changes). */
  @Get(':id/letter')
  @Permission('notice.issue')
  async form(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const choices = await this.pageModel.letterChoices(page, id);
    const values = formValues(query);
    const fresh = freshLetterState(choices, values.templateId);
    const kept = Object.fromEntries(KEPT.filter((k) => values[k]).map((k) => [k, values[k]]));
    const state = { ...fresh, form: { ...fresh.form, values: { ...fresh.form.values, ...kept } } };
    return this.render(page, id, choices, state);
  }

  @Post(':id/letters/preview')
  @Permission('notice.preview')
  async preview(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const choices = await this.pageModel.letterChoices(page, id);
    const values = formValues(body);
    const template = choices.templates.find((t) => t.id === values.templateId) ?? null;
    try {
      const preview = await this.queries.execute<PreviewCaseNotice, CaseNoticePreview>(
        new PreviewCaseNotice(page.meta(), letterRequest(id, template, values)),
      );
      const state: LetterState = {
        form: emptyForm(letterSpec(template), values),
        preview: {
          title: preview.title,
          html: preview.html,
          letterDate: preview.letterDate,
          approvalKind: preview.approvalKind,
        },
        held: null,
      };
      return await this.render(page, id, choices, state);
    } catch (error) {
      return this.refused(page, id, choices, error, values);
    }
  }

  @Post(':id/letters')
  @Permission('notice.issue')
  async issue(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    // The case first: another collector's case is not found before anything is read of it.
    const choices = await this.pageModel.letterChoices(page, id);
    const values = formValues(body);
    const template = choices.templates.find((t) => t.id === values.templateId) ?? null;
    let outcome: CaseNoticeOutcome;
    try {
      outcome = await this.commands.execute<IssueCaseNotice, CaseNoticeOutcome>(
        new IssueCaseNotice(page.meta(), {
          ...letterRequest(id, template, values),
          idempotencyKey: values.idempotencyKey ?? '',
        }),
      );
    } catch (error) {
      return this.refused(page, id, choices, error, values);
    }
    if (outcome.status === 'issued') {
      throw new ConsoleRedirect(`/console/notices/${outcome.notice.id}`, 'flash.noticeIssued');
    }
    const held = { title: template?.title ?? '', approvalKind: outcome.approvalKind };
    return this.render(page, id, choices, freshLetterState(choices, template?.id, held));
  }

  /** A refusal the person can fix: the form again with each problem at its field (422). */
  private async refused(
    page: PageContext,
    id: string,
    choices: CaseLetterChoices,
    error: unknown,
    values: Record<string, string>,
  ): Promise<never> {
    const fixable =
      error instanceof DomainError &&
      error.status < 500 &&
      error.status !== 401 &&
      error.status !== 403 &&
      // Not found: only a template the pack does not have (access was decided above).
      (error.status !== 404 || error.message.startsWith('Notice template'));
    if (!fixable) throw error;
    const template = choices.templates.find((t) => t.id === values.templateId) ?? null;
    const form = refusedLetterForm(page, error, template, values, choices.today);
    const html = await this.render(page, id, choices, { form, preview: null, held: null });
    throw new ConsoleHtml(html, 422);
  }

  /** htmx swaps the panel (#case-letter); a plain form post gets the whole case page. */
  private async render(
    page: PageContext,
    id: string,
    choices: CaseLetterChoices,
    letter: LetterState,
  ): Promise<string> {
    return page.htmx
      ? await this.views.partial('cases/show.letter', page, {
          title: 'case.title',
          letter: letterPanel(page.lang, id, choices, letter),
        })
      : await this.views.page(
          'cases/show',
          page,
          await this.pageModel.build(page, id, freshCaseForms(), {
            letter,
            letterChoices: choices,
          }),
        );
  }
}
