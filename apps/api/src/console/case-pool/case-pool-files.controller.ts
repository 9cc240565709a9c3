import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { type CasePoolItem, type CasePoolPage, SearchCases } from '@qingshou/collection';
import { DomainError } from '@qingshou/core';
import {
  CaseHasNoAccountError,
  type CaseNoticeOutcome,
  IssueCaseNotice,
  LetterApprovalRejectedError,
  NoPackInstalledError,
} from '@qingshou/engine';
import { GetPackVocabulary, type PackVocabulary } from '@qingshou/policy';
import { GetMe, type Me } from '@qingshou/tenancy';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, type FormSpec, formValues, formWithProblems } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { MergeNoticePdfs } from '../queries/merge-notice-pdfs/merge-notice-pdfs.query';
import { ConsoleViews } from '../render/console-views';
import { codeName } from '../render/helpers';
import { Page, PageContext } from '../render/page-context';
import { parseFilters } from './case-pool-filters';
import { BATCH_SPEC, type BatchRefusal, CasePoolModel, FILTER_SPEC } from './case-pool-model';
import { casePoolXlsx } from './case-pool-xlsx';
import { selectedIds } from './case-selection';

/** An export holds at most this many rows (the filtered list, page by page). */
const EXPORT_MAX = 5000;
/** Problems of a print request all go to the summary of the result page. */
const PRINT_SPEC: FormSpec = { id: 'print', fields: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case pool's files: 导出Excel (the filtered list, or the ticked cases) and 批量打印通知书
 * (one letter per ticked case through IssueCaseNotice — the pack's gates and holds apply to
 * each — then the issued letters merged into one PDF; a refused case is listed with why).
 */
@ConsoleController('cases', 'case.read')
export class CasePoolFilesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly model: CasePoolModel,
  ) {}

  @Get('pool/export')
  async exportFiltered(
    @Page() page: PageContext,
    @Query() query: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = parseFilters(page, query);
    await this.sendXlsx(page, response, await this.collect(page, parsed.filters, parsed.order));
  }

  @Post('pool/export')
  async exportSelected(
    @Page() page: PageContext,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const caseIds = selectedIds(body);
    const parsed = parseFilters(page, body);
    if (!caseIds.length) {
      // 导出所选 with nothing ticked: the list again, the reason in its summary; no file.
      const form = formWithProblems(
        BATCH_SPEC,
        formValues(body),
        [],
        page.t('pool.pickCases'),
        null,
      );
      const filter = emptyForm(FILTER_SPEC, parsed.values);
      const model = await this.model.build(page, parsed, filter, { form, refusals: [] });
      const html = page.htmx
        ? await this.views.partial('case-pool/index.list', page, model)
        : await this.views.page('case-pool/index', page, model);
      response.status(422).type('html').send(html);
      return;
    }
    await this.sendXlsx(page, response, await this.collect(page, { caseIds }, parsed.order));
  }

  @Post('pool/print')
  @Permission('notice.issue')
  async print(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const caseIds = selectedIds(body);
    const problems = [
      ...(caseIds.length ? [] : [{ path: 'caseIds', reason: page.t('pool.pickCases') }]),
      ...(values.templateId ? [] : [{ path: 'templateId', reason: page.t('form.required') }]),
    ];
    if (problems.length) {
      const form = formWithProblems(PRINT_SPEC, values, problems, null, null);
      const html = await this.views.page('case-pool/print', page, {
        title: 'pool.print.title',
        form,
        issued: [],
        refused: [],
        pdfHref: null,
      });
      throw new ConsoleHtml(html, 422);
    }
    const cases = await this.collect(page, { caseIds }, {});
    // The same batch key and case → the same letter: a second click issues nothing new.
    const batchKey = values.batchKey || createHash('sha256').update(caseIds.join()).digest('hex');
    const issued: { caseId: string; debtor: string; noticeId: string }[] = [];
    const refused: BatchRefusal[] = [];
    for (const item of cases) {
      try {
        const outcome = await this.commands.execute<IssueCaseNotice, CaseNoticeOutcome>(
          new IssueCaseNotice(page.meta(), {
            caseId: item.id,
            templateId: values.templateId,
            recipient: 'debtor',
            idempotencyKey: `pool-${batchKey}-${item.id}`.slice(0, 120),
          }),
        );
        if (outcome.status === 'issued') {
          issued.push({ caseId: item.id, debtor: item.debtor.name, noticeId: outcome.notice.id });
        } else {
          const kind = await this.name(page, 'approval.kind', outcome.approvalKind);
          refused.push({
            caseId: item.id,
            debtor: item.debtor.name,
            reason: page.t('pool.print.held', { kind }),
          });
        }
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        refused.push({
          caseId: item.id,
          debtor: item.debtor.name,
          reason: letterRefusal(page, error),
        });
      }
    }
    const pdfHref = issued.length
      ? `/console/cases/pool/pdf?${issued.map((i) => `notice=${i.noticeId}`).join('&')}`
      : null;
    return this.views.page('case-pool/print', page, {
      title: 'pool.print.title',
      form: null,
      issued,
      refused,
      pdfHref,
    });
  }

  /** The issued letters as one PDF, in the order they were issued. */
  @Get('pool/pdf')
  @Permission('notice.read')
  async pdf(
    @Page() page: PageContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const raw = query.notice;
    const ids = (Array.isArray(raw) ? raw : raw ? [raw] : [])
      .map(String)
      .filter((id) => UUID.test(id));
    const pdf = await this.queries.execute<MergeNoticePdfs, Buffer>(
      new MergeNoticePdfs(page.meta(), ids),
    );
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="letters.pdf"',
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  /** Every case the filters match (or the ticked ones), page by page up to EXPORT_MAX. */
  private async collect(
    page: PageContext,
    filters: SearchCases['filters'],
    order: SearchCases['order'],
  ): Promise<CasePoolItem[]> {
    const items: CasePoolItem[] = [];
    let cursor: string | undefined;
    do {
      const result: CasePoolPage = await this.queries.execute<SearchCases, CasePoolPage>(
        new SearchCases(page.meta(), filters, cursor, 200, order),
      );
      items.push(...result.items);
      cursor = result.nextCursor ?? undefined;
    } while (cursor && items.length < EXPORT_MAX);
    return items.slice(0, EXPORT_MAX);
  }

  private async sendXlsx(page: PageContext, response: Response, items: CasePoolItem[]) {
    const [vocab, me] = await Promise.all([
      this.queries.execute<GetPackVocabulary, PackVocabulary>(new GetPackVocabulary(page.meta())),
      this.queries.execute<GetMe, Me>(new GetMe(page.meta())),
    ]);
    const xlsx = await casePoolXlsx(page, items, {
      code: (prefix, value) => codeName(page.lang, vocab, prefix, value),
      timeZone: me.tenant.timeZone,
    });
    response
      .status(200)
      .set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent(page.t('pool.fileName'))}.xlsx`,
        'Cache-Control': 'no-store',
      })
      .send(xlsx);
  }

  private async name(page: PageContext, prefix: string, code: string): Promise<string> {
    const vocab = await this.queries.execute<GetPackVocabulary, PackVocabulary>(
      new GetPackVocabulary(page.meta()),
    );
    return codeName(page.lang, vocab, prefix, code);
  }
}

/** Why a case's letter was refused, in words (the English stays in the log). */
function letterRefusal(page: PageContext, error: DomainError): string {
  if (error instanceof CaseHasNoAccountError) return page.t('case.letter.err.noAccount');
  if (error instanceof LetterApprovalRejectedError) return page.t('case.letter.err.rejected');
  if (error instanceof NoPackInstalledError) return page.t('case.letter.err.noPack');
  if (error.status === 409) return page.t('pool.print.conflict');
  if (error.status === 400 || error.status === 422) return page.t('pool.print.invalid');
  return page.t('pool.print.other');
}
