import { Client } from 'pg';
import {
  countOverdueInstallments,
  effectivePayments,
  overdueInstallmentsSql,
  type Installment,
  type PaymentEntry,
} from '../../libs/ledger/src';
import { ADMIN_URL } from '../support/test-db-names';

/**
 * 连续/累计逾期期数: the ledger's TypeScript definition and its SQL twin give the same
 * counts. The SQL runs on the real PostgreSQL with `installments`, `payments` and `k` given
 * as CTEs of literal rows (they shadow the tables), so no database or app is needed.
 */
interface Scenario {
  schedule: Installment[];
  receipts: PaymentEntry[];
  asOf: string;
}

const TENANT = '00000000-0000-0000-0000-000000000001';
const month = (m: number) => `2026-${String(m).padStart(2, '0')}-10`;
const monthly = (n: number, amount = ['900.00', '100.00']): Installment[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    dueDate: month(i + 1),
    principal: amount[0],
    interest: amount[1],
  }));
const pay = (id: string, date: string, amount = '1000.00'): PaymentEntry => ({ id, date, amount });

async function countInSql(db: Client, s: Scenario) {
  const lit = (v: string) => `'${v}'`;
  const inst = s.schedule
    .map(
      (i) =>
        `(${lit(TENANT)}::uuid, 'acc', ${i.seq}, ${lit(i.dueDate)}::date, ${i.principal}::numeric, ${i.interest}::numeric)`,
    )
    .join(', ');
  const pays = s.receipts.length
    ? s.receipts
        .map(
          (p) =>
            `(${lit(TENANT)}::uuid, 'acc', ${lit(p.id)}, ${lit(p.date)}::date, ${String(p.amount)}::numeric, ${p.reverses ? lit(p.reverses) : 'null'})`,
        )
        .join(', ')
    : `(${lit(TENANT)}::uuid, 'none', 'none', '2000-01-01'::date, 0::numeric, null)`;
  const sql = `with
    installments(tenant_id, account_id, seq, due_date, principal, interest) as (values ${inst}),
    payments(tenant_id, account_id, id, paid_on, amount, reverses_payment_id) as (values ${pays}),
    k as (select ${lit(TENANT)}::uuid as tenant_id, ${lit(s.asOf)}::date as as_of)
    select (select t.consecutive from ${overdueInstallmentsSql(`('acc')`)} t) as consecutive,
           (select t.cumulative from ${overdueInstallmentsSql(`('acc')`)} t) as cumulative
    from k`;
  const row = (await db.query(sql)).rows[0] as {
    consecutive: number | null;
    cumulative: number | null;
  };
  return { consecutive: row.consecutive ?? 0, cumulative: row.cumulative ?? 0 };
}

describe('逾期期数: TypeScript = SQL', () => {
  const db = new Client({ connectionString: ADMIN_URL });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  it('1 paid, 2 missed, 1 paid, 2 missed → consecutive 2, cumulative 4 (both forms)', async () => {
    const s: Scenario = {
      schedule: monthly(6),
      receipts: [pay('p1', month(1)), pay('p4', '2026-04-08')],
      asOf: '2026-06-11',
    };
    const expected = { consecutive: 2, cumulative: 4 };
    expect(countOverdueInstallments(s.schedule, s.receipts, s.asOf)).toEqual(expected);
    expect(await countInSql(db, s)).toEqual(expected);
  });

  it('nothing due yet: 0 and 0', async () => {
    const s: Scenario = { schedule: monthly(3), receipts: [], asOf: '2026-01-10' };
    expect(await countInSql(db, s)).toEqual({ consecutive: 0, cumulative: 0 });
  });

  it('60 generated ledgers (partial, late, ahead, reversed receipts) count alike', async () => {
    let seed = 7;
    let gaps = 0;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 60; n++) {
      const schedule = monthly(12, n % 2 ? ['833.33', '41.67'] : ['900.00', '100.00']);
      const receipts: PaymentEntry[] = [];
      for (let m = 1; m <= 12; m++) {
        const r = rnd();
        if (r < 0.3) continue;
        const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
        const amount = r < 0.45 ? '400.00' : r < 0.85 ? '1000.00' : '2500.00';
        receipts.push(pay(`p${m}`, `2026-${String(m).padStart(2, '0')}-${day}`, amount));
      }
      if (receipts.length > 2 && rnd() < 0.4) {
        const victim = receipts[1];
        receipts.push({
          id: 'rev',
          date: '2026-11-20',
          amount: `-${String(victim.amount)}`,
          reverses: victim.id,
        });
      }
      const asOf = `2026-${String(2 + Math.floor(rnd() * 11)).padStart(2, '0')}-${rnd() < 0.5 ? '10' : '21'}`;
      const s: Scenario = { schedule, receipts, asOf };
      const { payments } = effectivePayments(receipts, asOf);
      const ts = countOverdueInstallments(schedule, payments, asOf);
      if (ts.cumulative > ts.consecutive && ts.consecutive > 0) gaps++;
      expect({ n, sql: await countInSql(db, s) }).toEqual({
        n,
        sql: ts,
      });
    }
    // The book discriminates: some ledgers have a gap (a kept month between missed ones).
    expect(gaps).toBeGreaterThan(5);
  });
});
