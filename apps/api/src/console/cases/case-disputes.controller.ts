import {
  Body,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  CaseDetail,
  DecideDispute,
  DISPUTE_KINDS,
  DISPUTE_OUTCOMES,
  DISPUTE_PARTIES,
  type DisputeKind,
  type DisputeOutcome,
  type DisputeParty,
  GetCase,
  RaiseDispute,
} from '@qingshou/collection';
import { FieldProblem, hasPermission, type Viewer } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues } from '../forms/form-state';
import { runPanelForm } from '../forms/panel-form';
import { utf8Name } from '../legal/legal-page.controller';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

interface MulterFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const CLOSED = ['settled', 'written-off', 'returned', 'closed'];
const RAISE: FormSpec = { id: 'dispute-raise', fields: ['accountId', 'kind', 'raisedBy', 'note'] };
const DECIDE: FormSpec = {
  id: 'dispute-decide',
  fields: ['disputeId', 'outcome', 'note', 'adjustmentHint'],
};

interface Forms {
  raise: FormState;
  decide: FormState;
}

const fresh = (): Forms => ({
  raise: emptyForm(RAISE, { kind: 'amount-wrong', raisedBy: 'debtor' }),
  decide: emptyForm(DECIDE, { outcome: 'rejected' }),
});

/**
 * 异议 on the case page (issue 16 §2): the case's disputes, a form to record one with its
 * documents, and the decision form for the role each dispute names. The panel loads itself
 * into the case page (htmx); RaiseDispute and DecideDispute decide who may.
 */
@ConsoleController('cases', 'case.read')
export class CaseDisputesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':id/disputes')
  panel(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.render(page, id, fresh(), 200);
  }

  @Post(':id/disputes')
  @HttpCode(200)
  @Permission('dispute.raise')
  @UseInterceptors(FilesInterceptor('files', 10, { limits: { fileSize: MAX_DOCUMENT_BYTES } }))
  async raise(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @UploadedFiles() files: MulterFile[] | undefined,
  ): Promise<string> {
    const values = formValues(body);
    const kind = pick(values.kind, DISPUTE_KINDS);
    const raisedBy = pick(values.raisedBy, DISPUTE_PARTIES) ?? 'debtor';
    const problems = [
      ...(values.accountId ? [] : [{ path: 'accountId', reason: page.t('form.required') }]),
      ...(kind ? [] : [{ path: 'kind', reason: page.t('form.required') }]),
    ];
    return this.run(page, id, 'raise', RAISE, values, problems, 'flash.disputeRaised', () =>
      this.commands.execute(
        new RaiseDispute(page.meta(), {
          caseId: id,
          accountId: values.accountId,
          kind: kind as DisputeKind,
          raisedBy: raisedBy as DisputeParty,
          note: values.note?.trim() || undefined,
          files: (files ?? []).map((f) => ({
            data: f.buffer,
            originalName: utf8Name(f.originalname),
            contentType: f.mimetype,
          })),
        }),
      ),
    );
  }

  @Post(':id/disputes/decide')
  @HttpCode(200)
  @Permission('dispute.decide')
  async decide(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const outcome = pick(values.outcome, DISPUTE_OUTCOMES);
    const problems = outcome ? [] : [{ path: 'outcome', reason: page.t('form.required') }];
    return this.run(page, id, 'decide', DECIDE, values, problems, 'flash.disputeDecided', () =>
      this.commands.execute(
        new DecideDispute(page.meta(), {
          caseId: id,
          disputeId: values.disputeId,
          outcome: outcome as DisputeOutcome,
          note: values.note?.trim() || undefined,
          adjustmentHint: values.adjustmentHint?.trim() || undefined,
        }),
      ),
    );
  }

  /** Bad input or a refusal re-renders the panel with the message at the field; else back to the case. */
  private run(
    page: PageContext,
    id: string,
    name: keyof Forms,
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

  private async render(page: PageContext, id: string, forms: Forms, status: number) {
    const found = await this.queries.execute<GetCase, CaseDetail>(new GetCase(page.meta(), id));
    const viewer: Viewer = { userId: page.user.userId, roles: page.user.roles };
    const mayDecide = (role: string) =>
      hasPermission(viewer, 'dispute.decide') &&
      viewer.roles.some((r) => r === role || r === 'manager');
    const disputes = found.disputes.map((d) => ({
      ...d,
      open: d.status === 'open',
      mayDecide:
        d.status === 'open' && d.raisedByActor !== viewer.userId && mayDecide(d.decidedByRole),
    }));
    const disputed = new Set(
      found.disputes.filter((d) => d.status === 'open').map((d) => d.accountId),
    );
    const model = {
      title: 'dispute.title',
      caseId: id,
      debtorName: found.debtor.name,
      disputes,
      // The accounts a new dispute may name: those without an open one.
      accounts: found.accounts
        .filter((a) => !disputed.has(a.accountId))
        .map((a) => ({ value: a.accountId, label: a.externalRef })),
      kinds: DISPUTE_KINDS,
      parties: DISPUTE_PARTIES,
      outcomes: DISPUTE_OUTCOMES,
      may: {
        raise:
          !CLOSED.includes(found.status) &&
          hasPermission(viewer, 'dispute.raise') &&
          found.accounts.some((a) => !disputed.has(a.accountId)),
      },
      forms,
    };
    const html = page.htmx
      ? await this.views.partial('cases/show.disputes', page, model)
      : await this.views.page('cases/disputes', page, model);
    if (status !== 200) throw new ConsoleHtml(html, status);
    return html;
  }
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null;
}
