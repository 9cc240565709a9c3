import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError, hasPermission, Viewer } from '@qingshou/core';
import { RecordedPayment, RecordPayment, ReversedPayment, ReversePayment } from '@qingshou/ledger';
import { Permission } from '../../auth/access.decorators';
import { emptyForm, FormState, formValues, formWithProblems } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  InboxRow,
  ListApprovalInbox,
} from '../queries/list-approval-inbox/list-approval-inbox.query';
import {
  ListRecentPayments,
  RecentPayments,
} from '../queries/list-recent-payments/list-recent-payments.query';
import { AccountHit, SearchAccounts } from '../queries/search-accounts/search-accounts.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { PAYMENT_CHANNELS, PAYMENT_FORM, paymentProblems, reversalSpec } from './finance-forms';

interface State {
  q: string;
  accountId: string | null;
  payment: FormState | null;
  reversal: { id: string; form: FormState } | null;
  flash: string | null;
}

/**
 * 财务: find an account by contract number or debtor name, 还款登记 (RecordPayment), 冲正
 * (ReversePayment, finance only), the latest receipts and reversals, and the approvals
 * waiting for finance (篇五: the 对账 before a 催款函) with a link to the inbox. A waiver
 * (减免) is asked for on the case page, where the case's amount due bounds it.
 */
@ConsoleController('finance', 'payment.record')
export class FinancePageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(
    @Page() page: PageContext,
    @Query('q') q?: string,
    @Query('account') account?: string,
  ): Promise<string> {
    const state: State = {
      q: String(q ?? '').slice(0, 100),
      accountId: account ? String(account) : null,
      payment: null,
      reversal: null,
      flash: null,
    };
    return this.views.page('finance/index', page, await this.model(page, state));
  }

  @Post('payments')
  async record(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const values = formValues(body);
    const state: State = {
      q: values.q ?? '',
      accountId: values.accountId || null,
      payment: null,
      reversal: null,
      flash: null,
    };
    const { today } = await this.recent(page);
    const problems = paymentProblems(page, values, today);
    if (problems.length) {
      return this.fail(page, {
        ...state,
        payment: formWithProblems(PAYMENT_FORM, values, problems, null, null),
      });
    }
    let result: RecordedPayment;
    try {
      result = await this.commands.execute<RecordPayment, RecordedPayment>(
        new RecordPayment(page.meta(), {
          accountId: values.accountId,
          source: values.channel,
          externalRef: values.receiptNo.trim(),
          paidOn: values.paidOn,
          amount: values.amount,
          note: values.note?.trim() || null,
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      const message = page.t('finance.err.refused');
      const refused = formWithProblems(PAYMENT_FORM, values, [], message, error.code);
      return this.fail(page, { ...state, payment: refused });
    }
    const flash = result.created ? 'finance.flash.recorded' : 'finance.flash.duplicate';
    return this.done(page, { ...state, flash });
  }

  @Post('payments/:id/reversal')
  @Permission('payment.reverse')
  async reverse(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const values = formValues(body);
    const state: State = {
      q: values.q ?? '',
      accountId: null,
      payment: null,
      reversal: null,
      flash: null,
    };
    const reason = values.reason?.trim() ?? '';
    if (!reason || reason.length > 500) {
      const problem = {
        path: 'reason',
        reason: reason ? page.t('finance.err.tooLong', { max: 500 }) : page.t('form.required'),
      };
      const form = formWithProblems(reversalSpec(id), values, [problem], null, null);
      return this.fail(page, { ...state, reversal: { id, form } });
    }
    let result: ReversedPayment;
    try {
      result = await this.commands.execute<ReversePayment, ReversedPayment>(
        new ReversePayment(page.meta(), { paymentId: id, reason }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      const message = page.t('finance.err.reverseRefused');
      const form = formWithProblems(reversalSpec(id), values, [], message, error.code);
      return this.fail(page, { ...state, reversal: { id, form } });
    }
    const flash = result.created ? 'finance.flash.reversed' : 'finance.flash.alreadyReversed';
    return this.done(page, { ...state, flash });
  }

  private async fail(page: PageContext, state: State): Promise<never> {
    const model = await this.model(page, state);
    const html = page.htmx
      ? await this.views.partial('finance/index.main', page, model)
      : await this.views.page('finance/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async done(page: PageContext, state: State): Promise<string> {
    if (!page.htmx) {
      const query = state.q ? `?q=${encodeURIComponent(state.q)}` : '';
      throw new ConsoleRedirect(`/console/finance${query}`, state.flash ?? undefined);
    }
    return this.views.partial('finance/index.main', page, await this.model(page, state));
  }

  private recent(page: PageContext): Promise<RecentPayments> {
    return this.queries.execute<ListRecentPayments, RecentPayments>(
      new ListRecentPayments(page.meta(), 30),
    );
  }

  private async model(page: PageContext, state: State) {
    const viewer: Viewer = { userId: page.user.userId, roles: page.user.roles };
    const mayDecide = hasPermission(viewer, 'approval.decide');
    const mayReverse = hasPermission(viewer, 'payment.reverse');
    const [recent, hits, chosen, waiting] = await Promise.all([
      this.recent(page),
      state.q.trim()
        ? this.queries.execute<SearchAccounts, AccountHit[]>(
            new SearchAccounts(page.meta(), state.q),
          )
        : Promise.resolve([] as AccountHit[]),
      state.accountId
        ? this.queries.execute<SearchAccounts, AccountHit[]>(
            new SearchAccounts(page.meta(), '', 1, state.accountId),
          )
        : Promise.resolve([] as AccountHit[]),
      mayDecide
        ? this.queries.execute<ListApprovalInbox, InboxRow[]>(
            new ListApprovalInbox(page.meta(), 'pending', 100),
          )
        : Promise.resolve([] as InboxRow[]),
    ]);
    const account = chosen[0] ?? null;
    const payment =
      state.payment ??
      emptyForm(PAYMENT_FORM, {
        accountId: account?.accountId ?? '',
        paidOn: recent.today,
        channel: 'bank-transfer',
      });
    return {
      title: 'finance.title',
      q: state.q,
      hits,
      searched: state.q.trim() !== '',
      account,
      payment,
      channels: PAYMENT_CHANNELS,
      today: recent.today,
      payments: recent.items.map((p) => ({
        ...p,
        channelKnown: (PAYMENT_CHANNELS as readonly string[]).includes(p.source),
        mayReverse: mayReverse && !p.isReversal && !p.reversed,
        reversal: state.reversal?.id === p.id ? state.reversal.form : emptyForm(reversalSpec(p.id)),
        // A refused 冲正 stays open at its problem.
        reversalOpen: state.reversal?.id === p.id,
      })),
      mayDecide,
      waiting: waiting.slice(0, 10),
      waitingCount: waiting.length,
      flash: state.flash,
      flashCount: null,
    };
  }
}
