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
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AgreePlan,
  ProposePlan,
  RecordSignedPlan,
  splitPlan,
  type PlanSplit,
} from '@qingshou/collection';
import { FieldProblem, hasPermission, ValidationFailedError, type Viewer } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues, formWithProblems } from '../forms/form-state';
import { runPanelForm } from '../forms/panel-form';
import { utf8Name } from '../legal/legal-page.controller';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { GetPlanLetter } from '../queries/get-plan-letter/get-plan-letter.query';
import { GetPlanLetterPdf } from '../queries/get-plan-letter-pdf/get-plan-letter-pdf.query';
import { CasePlans, GetCasePlans } from '../queries/get-case-plans/get-case-plans.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { planLimits, planView } from './plan-view';

const PROPOSE: FormSpec = {
  id: 'plan-propose',
  fields: [
    'arrears',
    'penalty',
    'waiver',
    'downPayment',
    'count',
    'intervalMonths',
    'startOn',
    'firstDueOn',
    'notes',
  ],
};
const AGREE: FormSpec = { id: 'plan-agree', fields: [] };
const SIGNED: FormSpec = { id: 'plan-signed', fields: ['file'] };
const MAX_SCAN_BYTES = 20 * 1024 * 1024;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d{1,15}(\.\d{1,2})?$/;

interface Forms {
  propose: FormState;
  agree: FormState;
  signed: FormState;
}

/**
 * 还款计划 on the case page (issue 16 §1): the ledger's arrears and the pack's limits, a form
 * that previews the split to the fen before saving (the same splitPlan ProposePlan keeps),
 * the case's plans with each instalment's state, and 客户已签署 for a plan ready to go live.
 * ProposePlan and AgreePlan decide who may and what the pack allows; the panel only words it.
 */
@ConsoleController('cases', 'case.read')
export class CasePlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':id/plans')
  async panel(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    const data = await this.plans(page, id);
    return this.render(page, id, data, this.fresh(data), null, 200);
  }

  @Post(':id/plans')
  @HttpCode(200)
  @Permission('promise.record')
  async propose(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const data = await this.plans(page, id);
    const problems = readProblems(page, values);
    const terms = () => ({
      caseId: id,
      arrears: values.arrears.replace(/,/g, ''),
      penalty: values.penalty?.replace(/,/g, '') || undefined,
      waiver: values.waiver?.replace(/,/g, '') || undefined,
      downPayment: values.downPayment?.replace(/,/g, '') || undefined,
      count: Number(values.count),
      startOn: values.startOn || undefined,
      firstDueOn: values.firstDueOn,
      intervalMonths: values.intervalMonths?.trim() ? Number(values.intervalMonths) : undefined,
      notes: values.notes?.trim() || undefined,
    });
    const rerender = (form: FormState) =>
      this.render(page, id, data, { ...this.fresh(data), propose: form }, null, 422);
    if (values.intent === 'preview' && problems.length === 0 && data.rules) {
      const t = terms();
      try {
        const split = splitPlan(
          {
            arrears: t.arrears,
            penalty: t.penalty ?? '0',
            waiver: t.waiver ?? '0',
            downPayment: t.downPayment ?? '0',
            count: t.count,
            startOn: t.startOn ?? data.today,
            firstDueOn: t.firstDueOn,
            intervalMonths: t.intervalMonths,
          },
          data.rules,
        );
        const form = emptyForm(PROPOSE, values);
        return this.render(page, id, data, { ...this.fresh(data), propose: form }, split, 200);
      } catch (error) {
        if (!(error instanceof ValidationFailedError)) throw error;
        return rerender(formWithProblems(PROPOSE, values, error.problems, null, null));
      }
    }
    const redirect = `/console/cases/${id}`;
    return runPanelForm(
      { spec: PROPOSE, values, problems, redirect, flash: 'flash.planProposed' },
      () => this.commands.execute(new ProposePlan(page.meta(), terms())),
      rerender,
    );
  }

  @Post(':id/plans/:planId/agree')
  @HttpCode(200)
  @Permission('promise.record')
  async agree(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('planId', ParseUUIDPipe) planId: string,
  ): Promise<string> {
    const data = await this.plans(page, id);
    const redirect = `/console/cases/${id}`;
    return runPanelForm(
      { spec: AGREE, values: {}, problems: [], redirect, flash: 'flash.planAgreed' },
      () => this.commands.execute(new AgreePlan(page.meta(), planId)),
      (form) => this.render(page, id, data, { ...this.fresh(data), agree: form }, null, 422),
    );
  }

  /** 分期还款协议书 to print (A4, the pack's template): the browser prints it or saves a PDF. */
  @Get(':id/plans/:planId/letter')
  letter(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('planId', ParseUUIDPipe) planId: string,
  ): Promise<string> {
    return this.queries.execute<GetPlanLetter, string>(new GetPlanLetter(page.meta(), id, planId));
  }

  /** 下载PDF: the same agreement printed to A4 on the server (GetPlanLetter decides access). */
  @Get(':id/plans/:planId/pdf')
  async pdf(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('planId', ParseUUIDPipe) planId: string,
    @Res() response: Response,
  ): Promise<void> {
    const pdf = await this.queries.execute<GetPlanLetterPdf, Buffer>(
      new GetPlanLetterPdf(page.meta(), id, planId),
    );
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="plan-agreement.pdf"; filename*=UTF-8''${encodeURIComponent('分期还款协议书.pdf')}`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  /** 上传签署件: the scan of the signed 分期还款协议书, kept with its sha256. */
  @Post(':id/plans/:planId/signed')
  @HttpCode(200)
  @Permission('promise.record')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SCAN_BYTES } }))
  async signed(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('planId', ParseUUIDPipe) planId: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string; mimetype: string } | undefined,
  ): Promise<string> {
    const data = await this.plans(page, id);
    const problems = file?.buffer?.length
      ? []
      : [{ path: 'file', reason: page.t('plan.scanNeeded') }];
    const redirect = `/console/cases/${id}`;
    return runPanelForm(
      { spec: SIGNED, values: {}, problems, redirect, flash: 'flash.planSigned' },
      () =>
        this.commands.execute(
          new RecordSignedPlan(page.meta(), planId, {
            data: file!.buffer,
            originalName: utf8Name(file!.originalname),
            contentType: file!.mimetype,
          }),
        ),
      (form) => this.render(page, id, data, { ...this.fresh(data), signed: form }, null, 422),
    );
  }

  private plans(page: PageContext, id: string): Promise<CasePlans> {
    return this.queries.execute<GetCasePlans, CasePlans>(new GetCasePlans(page.meta(), id));
  }

  /** A new plan starts from the ledger's figures, the down payment due today. */
  private fresh(data: CasePlans): Forms {
    return {
      propose: emptyForm(PROPOSE, {
        arrears: data.arrears,
        penalty: data.penalty,
        waiver: '0.00',
        downPayment: '',
        count: '',
        intervalMonths: '1',
        startOn: data.today,
        firstDueOn: '',
        notes: '',
      }),
      agree: emptyForm(AGREE),
      signed: emptyForm(SIGNED),
    };
  }

  private async render(
    page: PageContext,
    id: string,
    data: CasePlans,
    forms: Forms,
    preview: PlanSplit | null,
    status: number,
  ): Promise<string> {
    const viewer: Viewer = { userId: page.user.userId, roles: page.user.roles };
    const agreeing =
      data.rules !== null &&
      hasPermission(viewer, 'promise.record') &&
      viewer.roles.some((r) => data.rules!.agreeRoles.includes(r) || r === 'tenant-admin');
    const plans = data.plans.map((p) => planView(p, data.today, agreeing));
    const live = plans.some((p) => p.live);
    const model = {
      title: 'plan.title',
      caseId: id,
      ledger: { arrears: data.arrears, penalty: data.penalty },
      limits: data.rules ? planLimits(data.rules, data.arrears) : null,
      plans,
      preview,
      may: { propose: agreeing && !live },
      forms,
    };
    const html = page.htmx
      ? await this.views.partial('cases/show.plans', page, model)
      : await this.views.page('cases/plans', page, model);
    if (status !== 200) throw new ConsoleHtml(html, status);
    return html;
  }
}

/** What the command's own checks would word in English, said here first in the page's words. */
function readProblems(page: PageContext, values: Record<string, string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (name: string, ok: boolean, key: string) => {
    if (!ok) problems.push({ path: name, reason: page.t(key) });
  };
  const money = (v: string | undefined) => MONEY.test((v ?? '').replace(/,/g, '').trim());
  need('arrears', money(values.arrears), 'validation.amount');
  for (const name of ['penalty', 'waiver', 'downPayment']) {
    if (values[name]?.trim()) need(name, money(values[name]), 'validation.amount');
  }
  need('count', /^\d{1,3}$/.test(values.count?.trim() ?? ''), 'validation.integer');
  need('firstDueOn', DAY.test(values.firstDueOn ?? ''), 'validation.date');
  if (values.intervalMonths?.trim())
    need('intervalMonths', /^\d{1,2}$/.test(values.intervalMonths.trim()), 'validation.integer');
  if (values.startOn) need('startOn', DAY.test(values.startOn), 'validation.date');
  return problems;
}
