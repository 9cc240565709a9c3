import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DecideApproval } from '@qingshou/collection';
import { formValues } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  InboxRow,
  InboxTab,
  ListApprovalInbox,
} from '../queries/list-approval-inbox/list-approval-inbox.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { payloadLines } from './approval-fields';
import {
  ApprovalItemError as ItemError,
  decisionRefusal,
  itemErrors,
  missingRejectNote,
} from './decision-refusal';

/**
 * 审批: the inbox of the approver roles (篇五: 销售财务 reconciles before the 催款函 goes;
 * 法务 takes legal referrals; the manager decides waivers). Each request shows the case it
 * is about — debtor, accounts, DPD, amount due, collector — and its fields by label.
 */
@ConsoleController('approvals', 'approval.decide')
export class ApprovalsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext, @Query('tab') tab?: string): Promise<string> {
    return this.views.page('approvals/index', page, await this.model(page, tabOf(tab), null));
  }

  @Post(':id/decision')
  async decide(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const decision = values.decision === 'rejected' ? 'rejected' : 'approved';
    const note = values.note?.trim() || undefined;
    const noNote = missingRejectNote(id, decision, note);
    if (noNote) return this.fail(page, noNote);
    try {
      await this.commands.execute(new DecideApproval(page.meta(), id, decision, note));
    } catch (error) {
      return this.fail(page, decisionRefusal(id, error));
    }
    const flash = decision === 'approved' ? 'flash.approved' : 'flash.rejected';
    if (!page.htmx) throw new ConsoleRedirect('/console/approvals', flash);
    return this.views.partial('approvals/index.main', page, {
      ...(await this.model(page, 'pending', null)),
      flash,
    });
  }

  private async fail(page: PageContext, error: ItemError): Promise<never> {
    const model = await this.model(page, 'pending', error);
    const html = page.htmx
      ? await this.views.partial('approvals/index.main', page, model)
      : await this.views.page('approvals/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async model(page: PageContext, tab: InboxTab, error: ItemError | null) {
    const [rows, pendingRows] = await Promise.all([
      this.queries.execute<ListApprovalInbox, InboxRow[]>(
        new ListApprovalInbox(page.meta(), tab, 100),
      ),
      tab === 'pending'
        ? Promise.resolve(null)
        : this.queries.execute<ListApprovalInbox, InboxRow[]>(
            new ListApprovalInbox(page.meta(), 'pending', 100),
          ),
    ]);
    return {
      title: 'approvals.title',
      tab,
      pendingCount: (pendingRows ?? rows).length,
      items: rows.map((row) => ({
        ...row,
        pending: row.status === 'pending',
        lines: payloadLines(row.kind, row.payload, row.templateTitle),
        ...itemErrors(row.id, error),
      })),
      flash: null as string | null,
      flashCount: null,
    };
  }
}

function tabOf(raw: string | undefined): InboxTab {
  return raw === 'decided' ? 'decided' : 'pending';
}
