import type { FieldValue, RowError } from '../support/tabular';
import {
  type LocalDate,
  newAccountTerms,
  type NewAccountTerms,
  type PackTerms,
} from '@qingshou/ledger';
import Decimal from 'decimal.js';
import type { ImportMapping } from '../domain/import-mapping';
import { uuid7 } from '../domain/uuid7';
import type { StageValue } from '../staging/copy-text';
import { accountTerms } from './account-terms';
import { debtorFields, phoneOf } from './debtor-fields';
import { HeaderOf, RowCheck } from './row-context';

export type StageRow = Record<string, StageValue>;
export type BuiltRow = { ok: true; row: StageRow } | { ok: false; errors: RowError[] };

/**
 * Validates one mapped record of an accounts or cases file with the ledger's rules (identity,
 * amounts, dates, rate, schedule) and shapes it as a staging row. Never touches the database:
 * the set-based merge does, a chunk at a time.
 */
export class AccountRowBuilder {
  /** The same for every row: the pack's terms, or the mapping's where the pack allows. */
  private readonly terms: NewAccountTerms;

  constructor(
    private readonly mapping: ImportMapping,
    private readonly today: LocalDate,
    private readonly headerOf: HeaderOf,
    packTerms?: PackTerms,
  ) {
    const defaults = mapping.defaults ?? {};
    this.terms = newAccountTerms(packTerms, {
      penaltyMarkup:
        defaults.penaltyMarkup === undefined ? undefined : new Decimal(defaults.penaltyMarkup),
      compoundInterest: defaults.compoundInterest,
      dayCountBasis: defaults.dayCountBasis,
    });
  }

  build(rowNumber: number, record: Readonly<Record<string, FieldValue>>): BuiltRow {
    const check = new RowCheck(rowNumber, record, this.headerOf);
    const defaults = { ...this.mapping.defaults, dayCountBasis: this.terms.dayCountBasis };
    // A mapping that sets a term the pack binds is refused on every row it would write.
    for (const r of this.terms.refused) check.fail(r.term, r.reason, r.reasonZh);
    const debtor = debtorFields(check, defaults, this.today);
    const externalRef = this.externalRef(check);
    const principal = this.principal(check);
    const terms = principal ? accountTerms(check, defaults, principal, this.today) : undefined;
    const coBorrowerPhone = phoneOf(check, 'coBorrowerPhone');
    if (!check.ok || !debtor || !externalRef || !principal || !terms) {
      return { ok: false, errors: check.errors };
    }
    const groups = (this.mapping.groups ?? []).flatMap((g) => {
      const code = check.text(g.field);
      return code === null ? [] : [{ type: g.type, code: code.slice(0, 64) }];
    });
    const row: StageRow = {
      row_no: rowNumber,
      debtor_id: uuid7(),
      account_id: uuid7(),
      case_id: this.mapping.kind === 'cases' ? uuid7() : null,
      debtor_kind: debtor.kind,
      debtor_name: debtor.name,
      id_number: debtor.idNumber,
      phone: debtor.phone,
      address: debtor.address,
      account_type: defaults.accountType ?? 'loan',
      external_ref: externalRef,
      principal: principal.toFixed(2),
      annual_rate: terms.annualRate,
      day_count_basis: this.terms.dayCountBasis,
      penalty_markup: this.terms.penaltyMarkup,
      compound_enabled: this.terms.compoundInterest,
      own_terms: this.terms.ownTerms,
      start_date: terms.startDate,
      repayment_method: terms.method,
      schedule_params: JSON.stringify(terms.params),
      due_dates: terms.installments.map((i) => i.dueDate),
      inst_principal: terms.installments.map((i) => i.principal),
      inst_interest: terms.installments.map((i) => i.interest),
      receipt_ids: terms.receipts.map(() => uuid7()),
      receipt_refs: terms.receipts.map((r) => `${externalRef}#${r.suffix}`),
      receipt_dates: terms.receipts.map((r) => r.paidOn),
      receipt_amounts: terms.receipts.map((r) => r.amount),
      group_types: groups.map((g) => g.type),
      group_codes: groups.map((g) => g.code),
      guarantor_name: check.text('guarantorName'),
      co_borrower_name: check.text('coBorrowerName'),
      co_borrower_phone: coBorrowerPhone,
      case_opened_on: check.text('caseOpenedOn'),
      case_return_on: check.text('caseReturnOn'),
      // Until AccountChunkRules has seen the chunk's other rows.
      debtor_first: true,
      account_repeat: false,
    };
    return { ok: true, row };
  }

  /** 合同编号/卡号, or for contribution files 统一社会信用代码-应缴月份. */
  private externalRef(check: RowCheck): string | null {
    const ref = check.text('externalRef');
    if (ref !== null) {
      if (ref.length > 128)
        check.fail('externalRef', 'longer than 128 characters', '超过128个字符');
      return ref;
    }
    const id = check.text('idNumber');
    const period = check.text('duePeriod');
    if (id !== null && period !== null) return `${id.toUpperCase()}-${period}`;
    check.fail('externalRef', 'reference (合同编号) is required', '缺少合同编号');
    return null;
  }

  private principal(check: RowCheck): Decimal | undefined {
    const text = check.text('principal');
    if (text === null) return undefined;
    const principal = new Decimal(text);
    if (principal.lessThanOrEqualTo(0)) {
      check.fail('principal', 'amount must be positive', '金额须大于0');
      return undefined;
    }
    return principal;
  }
}
