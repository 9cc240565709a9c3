import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, DomainError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { compareDates } from '../domain/local-date';
import { AccountBalances } from '../read/account-balances.service';
import { summarise } from '../read/balance-summary';
import { BusinessDate } from '../support/business-date';
import { InputCheck } from '../support/input-check';
import { DOMAIN_EVENTS_TOPIC, eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { findPayment, insertPaymentIfNew } from './payment-rows';
import { PaymentView, RecordedPayment, RecordPayment } from './record-payment.command';

/**
 * Books a receipt, idempotent on (tenant, source, externalRef): a repeat of the same receipt
 * returns the stored payment and changes nothing. A repeat that disagrees (other account,
 * amount or date) is refused with 409 — accepting it silently would hide a wrong feed.
 */
@CommandHandler(RecordPayment)
export class RecordPaymentHandler implements ICommandHandler<RecordPayment, RecordedPayment> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
  ) {}

  execute(command: RecordPayment): Promise<RecordedPayment> {
    requirePermission(viewerOf(command), 'payment.record');
    return this.tx.run(command.tenantId, (em) => this.record(em, command));
  }

  private async record(em: EntityManager, command: RecordPayment): Promise<RecordedPayment> {
    const input = command.payment;
    const { tenantId } = command;
    const today = await this.dates.today(em, tenantId);
    const check = new InputCheck();
    const source = input.source.trim();
    const externalRef = input.externalRef.trim();
    if (!source) check.add('source', 'must not be empty');
    if (!externalRef) check.add('externalRef', 'must not be empty');
    const amount = check.money('amount', input.amount);
    if (amount && (amount.isNegative() || amount.isZero())) {
      check.add('amount', 'must be positive; to undo a payment, reverse it');
    }
    const paidOn = check.date('paidOn', input.paidOn);
    if (paidOn && compareDates(paidOn, today) > 0) {
      check.add('paidOn', `is after today (${today}); a receipt cannot be dated in the future`);
    }
    check.done('The payment');

    await this.balances.lock(em, tenantId, input.accountId);
    await this.refuseBeforeStart(em, tenantId, input.accountId, paidOn as string);
    const wanted: PaymentView = {
      id: randomUUID(),
      accountId: input.accountId.toLowerCase(),
      source,
      externalRef,
      paidOn: paidOn as string,
      amount: amount?.toFixed(2) as string,
      reversesPaymentId: null,
      note: input.note?.trim() || null,
    };
    const existing = await findPayment(em, tenantId, { source, externalRef });
    if (existing) return this.repeat(em, command, existing, wanted, today);

    const before = this.balances.compute(
      tenantId,
      await this.balances.load(em, tenantId, input.accountId),
      today,
    );
    const now = this.dates.now();
    const created = await insertPaymentIfNew(em, {
      ...wanted,
      tenantId,
      recordedBy: command.actorId,
      recordedAt: now,
    });
    if (!created) {
      // Lost a race with a concurrent delivery of the same receipt on another account.
      const winner = await findPayment(em, tenantId, { source, externalRef });
      if (!winner) throw new ConflictError('The payment collided with another write; retry');
      return this.repeat(em, command, winner, wanted, today);
    }
    const after = await this.balances.refresh(em, tenantId, input.accountId, today, now);
    const payload = {
      paymentId: wanted.id,
      accountId: wanted.accountId,
      source,
      externalRef,
      paidOn: wanted.paidOn,
      amount: wanted.amount,
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.paymentRecorded,
        aggregateType: 'account',
        aggregateId: wanted.accountId,
        payload,
        before: { balance: summarise(before) },
        after: { payment: payload, balance: summarise(after) },
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { payment: wanted, created: true, balance: summarise(after) };
  }

  /**
   * Money cannot be received on an account before it began: such a date is a typo (1900 for
   * 2026) and would be booked against no installment. No pack allows back-dating past the
   * start, so it is always refused, naming the field.
   */
  private async refuseBeforeStart(
    em: EntityManager,
    tenantId: string,
    accountId: string,
    paidOn: string,
  ): Promise<void> {
    const [row] = await em.execute<{ start_date: string }[]>(
      `select start_date::text as start_date from accounts where tenant_id = ? and id = ?`,
      [tenantId, accountId],
    );
    if (row && compareDates(paidOn, row.start_date) < 0) {
      const reason = `is before the account's start date (${row.start_date})`;
      throw new DomainError('payment-before-account-start', `paidOn ${reason}`, 422, [
        { path: 'paidOn', reason },
      ]);
    }
  }

  private async repeat(
    em: EntityManager,
    command: RecordPayment,
    existing: PaymentView,
    wanted: PaymentView,
    today: string,
  ): Promise<RecordedPayment> {
    const same =
      existing.accountId === wanted.accountId &&
      existing.amount === wanted.amount &&
      existing.paidOn === wanted.paidOn;
    if (!same) {
      throw new ConflictError(
        `${wanted.source}/${wanted.externalRef} is already recorded as payment ${existing.id} ` +
          `(${existing.amount} on ${existing.paidOn}) with a different account, amount or date`,
      );
    }
    const loaded = await this.balances.load(em, command.tenantId, existing.accountId);
    const balance = this.balances.compute(command.tenantId, loaded, today);
    return { payment: existing, created: false, balance: summarise(balance) };
  }
}
