import type { StageColumn } from './copy-text';

const col = (name: string, type: string): StageColumn => ({ name, type });

/**
 * One row per valid file row of an accounts or cases import. Ids are made in Node (time
 * ordered, see uuid7.ts): gen_random_uuid() costs a syscall per row on some hosts, and
 * ordered ids keep the primary-key indexes append-mostly. Schedules and implied receipts
 * travel as arrays, so one COPY stream carries everything and SQL unnests them.
 */
export const ACCOUNT_STAGE = 'import_stage_accounts';
export const ACCOUNT_STAGE_COLUMNS: readonly StageColumn[] = [
  col('row_no', 'int'),
  col('debtor_id', 'uuid'),
  col('account_id', 'uuid'),
  col('case_id', 'uuid'),
  col('debtor_kind', 'text'),
  col('debtor_name', 'text'),
  col('id_number', 'text'),
  col('phone', 'text'),
  col('address', 'text'),
  col('account_type', 'text'),
  col('external_ref', 'text'),
  col('principal', 'numeric(18,2)'),
  col('annual_rate', 'numeric(9,6)'),
  col('day_count_basis', 'smallint'),
  col('penalty_markup', 'numeric(9,6)'),
  col('compound_enabled', 'boolean'),
  col('own_terms', 'text[]'),
  col('start_date', 'date'),
  col('repayment_method', 'text'),
  col('schedule_params', 'jsonb'),
  col('due_dates', 'date[]'),
  col('inst_principal', 'numeric[]'),
  col('inst_interest', 'numeric[]'),
  col('receipt_ids', 'uuid[]'),
  col('receipt_refs', 'text[]'),
  col('receipt_dates', 'date[]'),
  col('receipt_amounts', 'numeric[]'),
  col('group_types', 'text[]'),
  col('group_codes', 'text[]'),
  col('guarantor_name', 'text'),
  col('co_borrower_name', 'text'),
  col('co_borrower_phone', 'text'),
  col('case_opened_on', 'date'),
  // 退案日期: when the client takes the case back (agency batches).
  col('case_return_on', 'date'),
  // Set by AccountChunkRules: the first row of its debtor in the chunk; a repeated reference.
  col('debtor_first', 'boolean'),
  col('account_repeat', 'boolean'),
];

/** Set by the merge, not copied: whether the row's debtor or account was already there. */
export const ACCOUNT_STAGE_FLAGS =
  'debtor_existed boolean not null default false, account_existed boolean not null default false';

export const PAYMENT_STAGE = 'import_stage_payments';
export const PAYMENT_STAGE_COLUMNS: readonly StageColumn[] = [
  col('row_no', 'int'),
  col('payment_id', 'uuid'),
  col('account_ref', 'text'),
  col('account_id', 'uuid'),
  col('external_ref', 'text'),
  col('paid_on', 'date'),
  col('amount', 'numeric(18,2)'),
  col('note', 'text'),
];
