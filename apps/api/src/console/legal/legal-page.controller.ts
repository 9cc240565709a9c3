import {
  Body,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  LEGAL_STEPS,
  RecordLegalStep,
  RecordSettlementInKind,
  type UploadedFile as CommandFile,
} from '@qingshou/collection';
import { DomainError, hasPermission, viewerOf } from '@qingshou/core';
import type { Response } from 'express';
import { Permission } from '../../auth/access.decorators';
import { attachmentDisposition } from '../../reports/content-disposition';
import { emptyForm, FormSpec, FormState } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleRedirect } from '../http/console-redirect';
import {
  GetLegalDocument,
  GetLegalMatter,
  LegalMatterDetail,
  LegalMatterRow,
  ListLegalMatters,
} from '../queries/list-legal-matters/list-legal-matters.query';
import type { RecordingFile } from '../queries/list-recordings/list-recordings.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import {
  checkSettlementForm,
  checkStepForm,
  LEGAL_COST_CATEGORIES,
  refusedForm,
  SETTLEMENT_FORM,
  STEP_FORM,
} from './legal-forms';

interface MulterFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

/** Court documents are scans and PDFs; beyond this a 413 says so rather than filling memory. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Browsers send a file's name as UTF-8 bytes; multer hands them over read as Latin-1
 * (起诉状.pdf arrives as "èµ·è¯\u0089ç\u008a¶.pdf"). Re-read them as UTF-8 when they are.
 */
export function utf8Name(raw: string): string {
  const codes = [...raw].map((c) => c.charCodeAt(0));
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return raw;
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? raw : decoded;
}

interface Forms {
  step: FormState;
  settlement: FormState;
}

const fresh = (): Forms => ({ step: emptyForm(STEP_FORM), settlement: emptyForm(SETTLEMENT_FORM) });

/**
 * 法务: the cases referred to legal and each matter's court path — 立案 / 保全 / 判决 / 执行 with
 * dates, court, 案号, amounts, costs and documents — and 以物抵债, recorded here.
 */
@ConsoleController('legal', 'legal-step.record')
export class LegalPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async list(@Page() page: PageContext): Promise<string> {
    const matters = await this.queries.execute<ListLegalMatters, LegalMatterRow[]>(
      new ListLegalMatters(page.meta()),
    );
    return this.views.page('legal/index', page, { title: 'legal.title', matters });
  }

  @Get(':caseId')
  async show(
    @Page() page: PageContext,
    @Param('caseId', ParseUUIDPipe) caseId: string,
  ): Promise<string> {
    return this.views.page('legal/show', page, await this.model(page, caseId, fresh(), null));
  }

  @Post(':caseId/steps')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  async recordStep(
    @Page() page: PageContext,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: unknown,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<string> {
    const checked = checkStepForm(page, body);
    if (!checked.ok) return this.answer(page, caseId, { ...fresh(), step: checked.form });
    const upload: CommandFile | undefined = file
      ? { data: file.buffer, originalName: utf8Name(file.originalname), contentType: file.mimetype }
      : undefined;
    return this.run(page, caseId, STEP_FORM, body, 'flash.legalStepRecorded', () =>
      this.commands.execute(
        new RecordLegalStep(page.meta(), { caseId, ...checked.value, file: upload }),
      ),
    );
  }

  @Post(':caseId/settlements')
  @HttpCode(200)
  @Permission('settlement-in-kind.record')
  async recordSettlement(
    @Page() page: PageContext,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: unknown,
  ): Promise<string> {
    const checked = checkSettlementForm(page, body);
    if (!checked.ok) return this.answer(page, caseId, { ...fresh(), settlement: checked.form });
    return this.run(page, caseId, SETTLEMENT_FORM, body, 'flash.settlementRecorded', () =>
      this.commands.execute(new RecordSettlementInKind(page.meta(), { caseId, ...checked.value })),
    );
  }

  @Get(':caseId/documents/:attachmentId')
  async document(
    @Page() page: PageContext,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.queries.execute<GetLegalDocument, RecordingFile>(
      new GetLegalDocument(page.meta(), caseId, attachmentId),
    );
    response
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentDisposition(file.originalName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .send(file.data);
  }

  /** Runs the command; its refusal re-renders the form (422), nothing saved. */
  private async run(
    page: PageContext,
    caseId: string,
    spec: FormSpec,
    body: unknown,
    flash: string,
    act: () => Promise<unknown>,
  ): Promise<string> {
    try {
      await act();
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404 || error.status === 403) {
        throw error;
      }
      return this.answer(page, caseId, {
        ...fresh(),
        [spec.id]: refusedForm(page, spec, body, error),
      });
    }
    if (!page.htmx) throw new ConsoleRedirect(`/console/legal/${caseId}`, flash);
    return this.views.partial(
      'legal/show.main',
      page,
      await this.model(page, caseId, fresh(), flash),
    );
  }

  private async answer(page: PageContext, caseId: string, forms: Forms): Promise<string> {
    page.response.status(422);
    const model = await this.model(page, caseId, forms, null);
    return page.htmx
      ? this.views.partial('legal/show.main', page, model)
      : this.views.page('legal/show', page, model);
  }

  private async model(page: PageContext, caseId: string, forms: Forms, flash: string | null) {
    const detail = await this.queries.execute<GetLegalMatter, LegalMatterDetail>(
      new GetLegalMatter(page.meta(), caseId),
    );
    const open = detail.matter?.status === 'open';
    // Before filing only 立案 can be recorded; on an open matter, every later step.
    const steps = open ? LEGAL_STEPS.filter((s) => s !== 'filing') : ['filing'];
    return {
      title: 'legal.matterTitle',
      ...detail,
      steps: detail.steps.map((s) => ({ ...s, amountLabel: `legal.amount.${s.step}` })),
      forms,
      stepChoices: steps,
      costCategories: LEGAL_COST_CATEGORIES,
      mayRecordStep: open || detail.referralApproved,
      maySettle: hasPermission(viewerOf(page.meta()), 'settlement-in-kind.record'),
      flash,
    };
  }
}
