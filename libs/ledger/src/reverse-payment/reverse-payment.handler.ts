import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  requirePermission,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { compareDates } from '../domain/local-date';
import { dec } from '../domain/money';
import { AccountBalances } from '../read/account-balances.service';
import { summarise } from '../read/balance-summary';
import { findPayment, insertPaymentIfNew } from '../record-payment/payment-rows';
import { PaymentView } from '../record-payment/record-payment.command';
import { BusinessDate } from '../support/business-date';
import { InputCheck, isUuid } from '../support/input-check';
import { DOMAIN_EVENTS_TOPIC, eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { ReversedPayment, ReversePayment } from './reverse-payment.command';

/**
 * 冲正: appends a negative row naming the receipt; nothing is edited or deleted (the app role
 * cannot). The balance as of any date on or after the reversal is as if the money never came,
 * including the penalty that kept accruing meanwhile. Reversing twice returns the first
 * reversal (a double click is harmless); the unique index allows only one per receipt.
 */
@CommandHandler(ReversePayment)
export class ReversePaymentHandler implements ICommandHandler<ReversePayment, ReversedPayment> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
  ) {}

  execute(command: ReversePayment): Promise<ReversedPayment> {
    requirePermission(viewerOf(command), 'payment.reverse');
    return this.tx.run(command.tenantId, (em) => this.reverse(em, command));
  }

  private async reverse(em: EntityManager, command: ReversePayment): Promise<ReversedPayment> {
    const input = command.reversal;
    const { tenantId } = command;
    if (!isUuid(input.paymentId)) throw new NotFoundError('Payment', input.paymentId);
    const receipt = await findPayment(em, tenantId, { id: input.paymentId });
    if (!receipt) throw new NotFoundError('Payment', input.paymentId);
    if (receipt.reversesPaymentId) {
      throw new DomainError(
        'not-reversible',
        `Payment ${receipt.id} is itself a reversal; record a new payment instead`,
      );
    }
    await this.balances.lock(em, tenantId, receipt.accountId);
    const today = await this.dates.today(em, tenantId);
    const earlier = await findPayment(em, tenantId, { reverses: receipt.id });
    if (earlier) return this.result(em, tenantId, earlier, false, today);

    const check = new InputCheck();
    const reason = input.reason.trim();
    if (!reason) check.add('reason', 'must not be empty: say why the receipt is reversed');
    const reversedOn = check.date('reversedOn', input.reversedOn ?? today);
    if (reversedOn && compareDates(reversedOn, receipt.paidOn) < 0) {
      check.add('reversedOn', `must not be before the receipt's date ${receipt.paidOn}`);
    }
    if (reversedOn && compareDates(reversedOn, today) > 0) {
      check.add('reversedOn', `is after today (${today})`);
    }
    check.done('The reversal');

    const before = this.balances.compute(
      tenantId,
      await this.balances.load(em, tenantId, receipt.accountId),
      today,
    );
    const reversal: PaymentView = {
      id: randomUUID(),
      accountId: receipt.accountId,
      source: receipt.source,
      externalRef: input.externalRef?.trim() || `${receipt.externalRef}:reversal`,
      paidOn: reversedOn as string,
      amount: dec(receipt.amount).negated().toFixed(2),
      reversesPaymentId: receipt.id,
      note: reason,
    };
    const now = this.dates.now();
    const created = await insertPaymentIfNew(em, {
      ...reversal,
      tenantId,
      recordedBy: command.actorId,
      recordedAt: now,
    });
    if (!created) {
      throw new ConflictError(
        `${reversal.source}/${reversal.externalRef} is already used by another payment`,
      );
    }
    const after = await this.balances.refresh(em, tenantId, receipt.accountId, today, now);
    const payload = {
      paymentId: reversal.id,
      reversesPaymentId: receipt.id,
      accountId: receipt.accountId,
      amount: reversal.amount,
      reversedOn: reversal.paidOn,
      reason,
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.paymentReversed,
        aggregateType: 'account',
        aggregateId: receipt.accountId,
        payload,
        before: { balance: summarise(before) },
        after: { reversal: payload, balance: summarise(after) },
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { payment: reversal, created: true, balance: summarise(after) };
  }

  private async result(
    em: EntityManager,
    tenantId: string,
    reversal: PaymentView,
    created: boolean,
    today: string,
  ): Promise<ReversedPayment> {
    const loaded = await this.balances.load(em, tenantId, reversal.accountId);
    const balance = summarise(this.balances.compute(tenantId, loaded, today));
    return { payment: reversal, created, balance };
  }
}
