import {
  Body,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  AddCaseCost,
  CompleteTask,
  ContactChannel,
  ContactParty,
  GetCase,
  LogContact,
  RecordPromise,
  RequestApproval,
} from '@qingshou/collection';
import { Permission } from '../../auth/access.decorators';
import { AddCostBody, LogContactBody, RecordPromiseBody } from '../../collection/activity.dto';
import { RequestApprovalBody } from '../../collection/approvals.dto';
import { FormSpec, FormState, formValues, submitForm, validateForm } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  ContactFormTerms,
  GetContactTerms,
} from '../queries/get-contact-terms/get-contact-terms.query';
import { ContactWindow } from '../queries/get-contact-windows/get-contact-windows.query';
import { utf8Name } from '../legal/legal-page.controller';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { approvalPayload, CASE_FORMS, CaseFormName, CaseForms, freshCaseForms } from './case-forms';
import { askApproval } from './case-approval-form';
import { CasePageModel } from './case-page-model';
import { contactInput, inWords, refusalOf } from './contact-form';

interface MulterFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** One case: debtor, accounts, timeline, and the forms of the day's work. */
@ConsoleController('cases', 'case.read')
export class CasePageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly pageModel: CasePageModel,
  ) {}

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.views.page('cases/show', page, await this.model(page, id, freshCaseForms()));
  }

  @Post(':id/contacts')
  @Permission('case.work')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  async logContact(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<string> {
    const terms = await this.queries.execute<GetContactTerms, ContactFormTerms>(
      new GetContactTerms(page.meta()),
    );
    return this.act(page, id, 'contact', LogContactBody, body, 'flash.contactLogged', (v) =>
      this.commands
        .execute(
          new LogContact(page.meta(), {
            ...contactInput(id, v as unknown as Record<string, string>, terms.timeZone),
            file: file
              ? // 孙桂英-0311.mp3 arrives read as Latin-1; the archive and timeline show it as typed.
                {
                  data: file.buffer,
                  originalName: utf8Name(file.originalname),
                  contentType: file.mimetype,
                }
              : undefined,
          }),
        )
        .catch((error: unknown) => {
          throw inWords(error, page.lang, terms);
        }),
    );
  }

  @Post(':id/promises')
  @Permission('promise.record')
  recordPromise(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    return this.act(page, id, 'promise', RecordPromiseBody, body, 'flash.promiseRecorded', (v) =>
      this.commands.execute(
        new RecordPromise(page.meta(), {
          caseId: id,
          amount: v.amount,
          dueOn: v.dueOn,
          notes: v.notes,
        }),
      ),
    );
  }

  @Post(':id/approvals')
  @Permission('approval.request')
  requestApproval(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const shaped = { kind: values.kind, reason: values.reason, payload: approvalPayload(values) };
    return this.act(
      page,
      id,
      'approval',
      RequestApprovalBody,
      shaped,
      'flash.approvalRequested',
      (v) =>
        askApproval(page, values, () =>
          this.commands.execute(
            new RequestApproval(page.meta(), {
              caseId: id,
              kind: v.kind,
              reason: v.reason,
              payload: v.payload,
            }),
          ),
        ),
      values,
    );
  }

  @Post(':id/costs')
  @Permission('cost.add')
  addCost(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    return this.act(page, id, 'cost', AddCostBody, body, 'flash.costAdded', (v) =>
      this.commands.execute(
        new AddCaseCost(page.meta(), {
          caseId: id,
          category: v.category,
          amount: v.amount,
          voucherRef: v.voucherRef,
          incurredOn: v.incurredOn,
          notes: v.notes,
        }),
      ),
    );
  }

  @Post(':id/tasks/:taskId/complete')
  @Permission('task.manage')
  async completeTask(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
  ): Promise<string> {
    // The case first: a task of a case the viewer cannot see is "not found" like the case.
    await this.queries.execute(new GetCase(page.meta(), id));
    await this.commands.execute(new CompleteTask(page.meta(), taskId, 'done'));
    return this.answer(page, id, freshCaseForms(), 'flash.taskDone');
  }

  /**
   * Validate with the API's DTO, dispatch, and answer with the case again: fresh forms and a
   * flash on success; the same form with its problems (422) on failure. A contact refused by
   * the pack's contact rules also shows the rule and when the contact is next allowed.
   */
  private async act<T extends object>(
    page: PageContext,
    caseId: string,
    name: CaseFormName,
    dto: new () => T,
    body: unknown,
    flash: string,
    run: (value: T) => Promise<unknown>,
    shownValues?: Record<string, string>,
  ): Promise<string> {
    const spec: FormSpec = CASE_FORMS[name];
    const checked = await validateForm(dto, spec, body);
    let failed: FormState | null = null;
    let refusal: ContactWindow | null = null;
    if (!checked.ok) {
      failed = { ...checked.form, values: shownValues ?? checked.form.values };
    } else {
      const outcome = await submitForm(spec, shownValues ?? checked.values, () =>
        run(checked.value),
      );
      if (!outcome.ok) {
        failed = outcome.form;
        // Judged at the contact's own time: the refusal the command gave, not one asked anew.
        const v = checked.value as unknown as { channel: ContactChannel; party: ContactParty };
        refusal = refusalOf(outcome.error, v.channel, v.party);
        // The refusal box says it in full; a summary beside it would only repeat it vaguely.
        if (refusal) failed = { ...failed, general: [] };
      }
    }
    if (!failed) return this.answer(page, caseId, freshCaseForms(), flash);
    const forms = { ...freshCaseForms(), [name]: failed };
    const html = page.htmx
      ? await this.views.partial(
          'cases/show.main',
          page,
          await this.model(page, caseId, forms, refusal),
        )
      : await this.views.page('cases/show', page, await this.model(page, caseId, forms, refusal));
    throw new ConsoleHtml(html, 422);
  }

  private async answer(page: PageContext, caseId: string, forms: CaseForms, flash: string) {
    if (!page.htmx) throw new ConsoleRedirect(`/console/cases/${caseId}`, flash);
    return this.views.partial('cases/show.main', page, {
      ...(await this.model(page, caseId, forms)),
      flash,
    });
  }

  private model(
    page: PageContext,
    id: string,
    forms: CaseForms,
    refusal: ContactWindow | null = null,
  ) {
    return this.pageModel.build(page, id, forms, { refusal });
  }
}
