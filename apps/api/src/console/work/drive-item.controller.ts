import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NotFoundError } from '@qingshou/core';
import { CompleteDriveItem } from '@qingshou/outcomes';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormSpec, FormState, formValues, submitForm } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { translate } from '../i18n/i18n';
import {
  ListWorklistDriveItems,
  WorklistDriveItem,
  WorklistDriveItems,
} from '../queries/list-worklist-drive-items/list-worklist-drive-items.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/**
 * A drive item worked from the worklist (issue 11 §7): 完成 opens its small form in the row —
 * the result its task kind asks for (摸底: the debtor's situation; 认定: the class), how many
 * of a quantity (posters) and a note — and CompleteDriveItem ticks it off, which moves the
 * drive's progress. Refused, the form comes back with the reason at the field (422).
 */
@ConsoleController('work/drives', 'console.work')
export class DriveItemPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':driveId/items/:itemId/complete')
  @Permission('drive.item.complete')
  async form(
    @Page() page: PageContext,
    @Param('driveId', ParseUUIDPipe) driveId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
  ): Promise<string> {
    const item = await this.item(page, driveId, itemId);
    const values: Record<string, string> = item.quantity > 1 ? { done: String(item.quantity) } : {};
    return this.render(page, item, emptyForm(this.spec(itemId), values));
  }

  @Post(':driveId/items/:itemId/complete')
  @Permission('drive.item.complete')
  async complete(
    @Page() page: PageContext,
    @Param('driveId', ParseUUIDPipe) driveId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: unknown,
  ): Promise<string> {
    const item = await this.item(page, driveId, itemId);
    const values = formValues(body);
    const spec = this.spec(itemId);
    const done = values.done?.trim();
    if (done !== undefined && done !== '' && !/^\d{1,6}$/.test(done)) {
      const form: FormState = {
        ...emptyForm(spec, values),
        errors: { done: [translate(page.lang, 'drive.item.error.done')] },
      };
      throw new ConsoleHtml(await this.render(page, item, form), 422);
    }
    const outcome = await submitForm(spec, values, () =>
      this.commands.execute(
        new CompleteDriveItem(
          page.meta(),
          driveId,
          itemId,
          done ? Number(done) : undefined,
          values.note?.trim() || undefined,
          values.result?.trim() || undefined,
        ),
      ),
    );
    if (outcome.ok) throw new ConsoleRedirect('/console/work', 'flash.driveItemDone');
    // The handler names the field; the page says it in the reader's words.
    const errors: Record<string, string[]> = {};
    for (const field of Object.keys(outcome.form.errors)) {
      errors[field] = [translate(page.lang, `drive.item.error.${field}`)];
    }
    const form = { ...outcome.form, errors };
    throw new ConsoleHtml(await this.render(page, item, form), 422);
  }

  private spec(itemId: string): FormSpec {
    return { id: `drive-item-${itemId}`, fields: ['result', 'done', 'note'] };
  }

  private async item(page: PageContext, driveId: string, itemId: string) {
    const found = await this.queries.execute<ListWorklistDriveItems, WorklistDriveItems>(
      new ListWorklistDriveItems(page.meta(), 1, itemId),
    );
    const item = found.items[0];
    if (!item || item.driveId !== driveId) throw new NotFoundError('drive item', itemId);
    return item;
  }

  private render(page: PageContext, item: WorklistDriveItem, form: FormState): Promise<string> {
    const model = { title: 'drive.item.title', item, form };
    return page.htmx
      ? this.views.partial('work/drive-item-form', page, model)
      : this.views.page('work/drive-item', page, model);
  }
}
