import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CompleteTask, VISIT_RESULTS } from '@qingshou/collection';
import { emptyForm, FormSpec, FormState, formValues, submitForm } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { hasMessage, translate } from '../i18n/i18n';
import {
  GetTaskOutcomeForm,
  TaskOutcomeForm,
} from '../queries/get-task-outcome-form/get-task-outcome-form.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const FIELDS = ['note', 'result', 'contactId', 'noticeId', 'approvalId', 'attachmentId', 'address'];

/**
 * 完成任务 with its outcome (issue 11 §4): 完成 on a worklist row or on the case page asks
 * for this small form (htmx, into the row); posting it completes the task through
 * CompleteTask, which refuses without the kind's deliverable. Refused, the form comes back
 * with the reason in Chinese at the field (422); done, the page it came from reloads.
 */
@ConsoleController('work/tasks', 'console.work')
export class TaskOutcomePageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':id/complete')
  async form(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('back') back?: string,
  ): Promise<string> {
    const task = await this.task(page, id);
    return this.render(page, task, emptyForm(this.spec(id)), back === 'case' ? 'case' : 'work');
  }

  @Post(':id/complete')
  async complete(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const back = values.back === 'case' ? 'case' : 'work';
    const task = await this.task(page, id);
    const spec = this.spec(id);
    const text = (name: string) => values[name]?.trim() || undefined;
    const outcome = await submitForm(spec, values, () =>
      this.commands.execute(
        new CompleteTask(page.meta(), id, 'done', text('note'), {
          result: text('result'),
          contactId: text('contactId'),
          noticeId: text('noticeId'),
          approvalId: text('approvalId'),
          attachmentId: text('attachmentId'),
          address: text('address'),
        }),
      ),
    );
    if (outcome.ok) {
      const to = back === 'case' && task.caseId ? `/console/cases/${task.caseId}` : '/console/work';
      throw new ConsoleRedirect(to, 'flash.taskDone');
    }
    const form = this.inChinese(page, outcome.form);
    throw new ConsoleHtml(await this.render(page, task, form, back), 422);
  }

  private spec(id: string): FormSpec {
    return { id: `outcome-${id}`, fields: FIELDS };
  }

  private task(page: PageContext, id: string): Promise<TaskOutcomeForm> {
    return this.queries.execute(new GetTaskOutcomeForm(page.meta(), id));
  }

  /** The handler names the field; the console says what is missing in the user's words. */
  private inChinese(page: PageContext, form: FormState): FormState {
    const errors: Record<string, string[]> = {};
    for (const [field, reasons] of Object.entries(form.errors)) {
      const key = `task.outcome.error.${field}`;
      errors[field] = hasMessage(key) ? [translate(page.lang, key)] : reasons;
    }
    const general = form.general.map((text) =>
      form.code && hasMessage(`task.outcome.refused.${form.code}`)
        ? translate(page.lang, `task.outcome.refused.${form.code}`)
        : text,
    );
    return { ...form, errors, general };
  }

  private render(
    page: PageContext,
    task: TaskOutcomeForm,
    form: FormState,
    back: 'case' | 'work',
  ): Promise<string> {
    const model = {
      title: 'task.outcome.title',
      task,
      form,
      back,
      is: { [task.deliverable]: true },
      needsKey: `task.outcome.needs.${task.deliverable}`,
      visitResults: VISIT_RESULTS,
      contactFormHref: task.caseId ? `/console/cases/${task.caseId}#contact-form` : null,
    };
    return page.htmx
      ? this.views.partial('work/outcome-form', page, model)
      : this.views.page('work/outcome', page, model);
  }
}
