import { EntityManager } from '@mikro-orm/postgresql';
import {
  type AccountRow,
  type LoadedAccount,
  type LoanAccount,
  listedDebtors,
  syncContactPoints,
} from '@qingshou/ledger';
import { randomUUID } from 'node:crypto';
import { DEMO_SOURCE, type DemoPortfolio } from './portfolio.types';

/** Bound parameters per statement: well under PostgreSQL's 65,535. */
const MAX_PARAMS = 20_000;

/**
 * Multi-row INSERT … VALUES in batches: thousands of rows in a few dozen statements, inside
 * the caller's tenant transaction (RLS applies; tenant_id is written explicitly).
 */
export async function insertRows(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  casts: Readonly<Record<string, string>> = {},
): Promise<void> {
  const one = `(${columns.map((c) => `?${casts[c] ?? ''}`).join(', ')})`;
  const perBatch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    await em.execute(
      `insert into ${table} (${columns.join(', ')}) values ${batch.map(() => one).join(', ')}`,
      batch.flat(),
    );
  }
}

/** `{a,b}` for a text[] parameter; the values are digits only (phone numbers). */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/** Business dates become instants at 10:00 in Asia/Shanghai. */
const at10 = (date: string) => `${date}T02:00:00Z`;

/**
 * Writes a generated portfolio: groups, debtors, memberships, related parties, pack
 * attributes, accounts with their installments and the payments made so far. Returns each
 * account as the balance calculator loads it, so the caller can snapshot balances without
 * reading the rows back.
 */
export async function writePortfolio(
  em: EntityManager,
  tenantId: string,
  portfolio: DemoPortfolio,
  actor: string,
  now: Date,
): Promise<LoadedAccount[]> {
  await insertRows(
    em,
    'debtor_groups',
    ['tenant_id', 'id', 'type', 'code', 'name', 'created_at'],
    portfolio.groups.map((g) => [tenantId, g.id, g.type, g.code, g.name, now]),
  );
  await insertRows(
    em,
    'debtors',
    [
      'tenant_id',
      'id',
      'kind',
      'name',
      'id_number',
      'phones',
      'address',
      'created_at',
      'created_by',
    ],
    portfolio.debtors.map((d) => [
      tenantId,
      d.id,
      d.kind,
      d.name,
      d.idNumber,
      textArray(d.phones),
      d.address,
      now,
      actor,
    ]),
    { phones: '::text[]' },
  );
  await insertRows(
    em,
    'debtor_group_members',
    ['tenant_id', 'group_id', 'debtor_id', 'added_at', 'added_by'],
    portfolio.debtors.flatMap((d) => d.groupIds.map((g) => [tenantId, g, d.id, now, actor])),
  );
  await insertRows(
    em,
    'related_parties',
    [
      'tenant_id',
      'id',
      'debtor_id',
      'kind',
      'relation',
      'party_type',
      'name',
      'phone',
      'created_at',
      'created_by',
    ],
    portfolio.debtors.flatMap((d) =>
      (d.relatedParties ?? []).map((p) => [
        tenantId,
        randomUUID(),
        d.id,
        p.kind,
        p.relation,
        'person',
        p.name,
        p.phone,
        now,
        actor,
      ]),
    ),
  );
  // The case page's contact panel: every phone and address above (debtor and related
  // parties) as 合同, 有效, through the ledger's writer (it owns debtor_contact_points).
  await syncContactPoints(em, tenantId, listedDebtors(portfolio.debtors.map((d) => d.id)), {
    source: 'contract',
    actor,
    now,
  });
  await insertRows(
    em,
    'attribute_values',
    ['tenant_id', 'subject', 'subject_id', 'key', 'value', 'recorded_by', 'recorded_at'],
    portfolio.debtors.flatMap((d) =>
      Object.entries(d.attributes ?? {}).map(([key, value]) => [
        tenantId,
        'debtor',
        d.id,
        key,
        value,
        actor,
        now,
      ]),
    ),
  );
  await insertRows(
    em,
    'accounts',
    [
      'tenant_id',
      'id',
      'debtor_id',
      'type',
      'source',
      'external_ref',
      'principal',
      'annual_rate',
      'day_count_basis',
      'penalty_markup',
      'compound_enabled',
      'start_date',
      'repayment_method',
      'schedule_params',
      'currency',
      'created_at',
      'created_by',
    ],
    portfolio.accounts.map((a) => [
      tenantId,
      a.id,
      a.debtorId,
      a.type,
      DEMO_SOURCE,
      a.externalRef,
      a.principal,
      a.annualRate,
      360,
      a.penaltyMarkup,
      false,
      a.startDate,
      a.method,
      JSON.stringify(a.scheduleParams),
      'CNY',
      now,
      actor,
    ]),
    { schedule_params: '::jsonb' },
  );
  await insertRows(
    em,
    'installments',
    ['tenant_id', 'account_id', 'seq', 'due_date', 'principal', 'interest'],
    portfolio.accounts.flatMap((a) =>
      a.schedule.map((r) => [tenantId, a.id, r.seq, r.dueDate, r.principal, r.interest]),
    ),
  );
  const loaded: LoadedAccount[] = [];
  const paymentRows: unknown[][] = [];
  for (const a of portfolio.accounts) {
    const payments = a.payments.map((p, i) => ({
      id: randomUUID(),
      source: DEMO_SOURCE,
      externalRef: `${a.externalRef}-P${String(i + 1).padStart(3, '0')}`,
      paidOn: p.paidOn,
      amount: p.amount,
      reversesPaymentId: null,
      note: null,
      recordedBy: actor,
    }));
    for (const p of payments) {
      paymentRows.push([
        tenantId,
        p.id,
        a.id,
        p.source,
        p.externalRef,
        p.paidOn,
        p.amount,
        '演示数据：历史还款',
        actor,
        at10(p.paidOn),
      ]);
    }
    const account: AccountRow = {
      id: a.id,
      debtorId: a.debtorId,
      type: a.type,
      source: DEMO_SOURCE,
      externalRef: a.externalRef,
      principal: a.principal,
      annualRate: a.annualRate,
      dayCountBasis: 360,
      penaltyMarkup: a.penaltyMarkup,
      compoundEnabled: false,
      startDate: a.startDate,
      repaymentMethod: a.method,
      currency: 'CNY',
    };
    const loan: LoanAccount = {
      principal: a.principal,
      annualRate: a.annualRate,
      dayCountBasis: 360,
      penaltyMarkup: a.penaltyMarkup,
      compoundInterest: false,
      schedule: a.schedule,
      fees: [],
      payments: payments.map((p) => ({ id: p.id, date: p.paidOn, amount: p.amount })),
    };
    loaded.push({ account, loan, payments });
  }
  await insertRows(
    em,
    'payments',
    [
      'tenant_id',
      'id',
      'account_id',
      'source',
      'external_ref',
      'paid_on',
      'amount',
      'note',
      'recorded_by',
      'recorded_at',
    ],
    paymentRows,
  );
  return loaded;
}
