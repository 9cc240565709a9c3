import type { FieldValue } from '../support/tabular';
import { compareDates, LocalDate } from '@qingshou/ledger';
import Decimal from 'decimal.js';
import { uuid7 } from '../domain/uuid7';
import type { BuiltRow } from './account-row';
import { HeaderOf, RowCheck } from './row-context';

/**
 * One receipt row, with RecordPayment's rules: a positive amount (reversals are not
 * imported), a date not after today, a reference (银行流水号) that makes it idempotent.
 */
export class PaymentRowBuilder {
  constructor(
    private readonly today: LocalDate,
    private readonly headerOf: HeaderOf,
  ) {}

  build(rowNumber: number, record: Readonly<Record<string, FieldValue>>): BuiltRow {
    const check = new RowCheck(rowNumber, record, this.headerOf);
    const accountRef = check.text('accountRef');
    const externalRef = check.text('externalRef');
    const paidOn = check.text('paidOn');
    const amount = check.text('amount');
    if (externalRef !== null && externalRef.length > 160) {
      check.fail('externalRef', 'longer than 160 characters', '超过160个字符');
    }
    if (amount !== null && new Decimal(amount).lessThanOrEqualTo(0)) {
      check.fail(
        'amount',
        'amount must be positive; reversals are not imported',
        '还款金额须大于0',
      );
    }
    if (paidOn !== null && compareDates(paidOn, this.today) > 0) {
      check.fail('paidOn', `is after today (${this.today})`, `还款日期晚于今天（${this.today}）`);
    }
    if (!check.ok || !accountRef || !externalRef || !paidOn || !amount) {
      return { ok: false, errors: check.errors };
    }
    const row = {
      row_no: rowNumber,
      payment_id: uuid7(),
      account_ref: accountRef,
      account_id: null,
      external_ref: externalRef,
      paid_on: paidOn,
      amount,
      note: check.text('note'),
    };
    return { ok: true, row };
  }
}
