import type { Client } from 'pg';
import { systemMeta } from '../../libs/core/src';
import { TenantTx } from '../../libs/db/src';
import {
  AccountBalances,
  refreshAccountBalances,
  refreshUnpaidBalances,
} from '../../libs/ledger/src';
import { InstallPack } from '../../libs/policy/src';
import { COOP_PARAMS } from '../policy/support/ledger-terms-kit';
import { createTenant } from '../support/test-app';
import { ImportKit, startImportKit } from '../imports/support/import-kit';
import { AS_OF, Book, generateBook, insertBook } from './support/unpaid-book';

const SNAPSHOT = `select account_id, as_of::text, overdue_principal, overdue_interest, due_today,
    penalty_interest, compound_interest, fees, total_due, outstanding_principal, overpayment,
    dpd, aging_bucket, loan_class
  from account_balances where tenant_id = $1 order by account_id`;

/**
 * Issue 15 §4: an import prices the accounts that have received nothing in SQL
 * (UNPAID_BALANCES_SQL), the ledger's calculator the rest. On a generated chunk — overdue
 * and not, bullet and monthly, compound on and off, 360 and 365, zero installments, due
 * today, partial payments, reversals, fees, half-fen ties — every snapshot written the
 * set-based way is the very one the calculator writes (DESIGN §4: half-up to the fen), with
 * no pack and under a pack that binds the markup and its own aging buckets.
 */
describe('balances of accounts that received nothing: SQL and the calculator agree to the fen', () => {
  let kit: ImportKit;
  let coopTenant: string;
  beforeAll(async () => {
    kit = await startImportKit('unpaid-sql');
    coopTenant = await createTenant(kit.api, 'unpaid-sql-coop', 'credit-coop');
    await kit.api.commands.execute(
      new InstallPack(
        systemMeta({ tenantId: coopTenant, actorId: 'test-admin', correlationId: 'test-install' }),
        coopTenant,
        'credit-coop-npl-drive',
        undefined,
        COOP_PARAMS,
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await kit?.close();
  });

  async function bothWays(tenantId: string, book: Book) {
    await insertBook(kit.owner, tenantId, book);
    const app = kit.api.app;
    const run = <T>(work: Parameters<TenantTx['run']>[1]) =>
      app.get(TenantTx).run(tenantId, work) as Promise<T>;
    const input = { tenantId, accountIds: book.ids, asOf: AS_OF, now: new Date() };
    const sqlWay = await run<Awaited<ReturnType<typeof refreshUnpaidBalances>>>((em) =>
      refreshUnpaidBalances(em, app.get(AccountBalances), input),
    );
    const written = await snapshots(kit.owner, tenantId);
    await kit.owner.query(`delete from account_balances where tenant_id = $1`, [tenantId]);
    const calculated = await run<Awaited<ReturnType<typeof refreshAccountBalances>>>((em) =>
      refreshAccountBalances(em, app.get(AccountBalances), input),
    );
    const recomputed = await snapshots(kit.owner, tenantId);
    return { sqlWay, calculated, written, recomputed };
  }

  it('no pack: 400 generated accounts and the tie cases, both ways, row for row', async () => {
    const book = generateBook(20261208, 400);
    const { sqlWay, calculated, written, recomputed } = await bothWays(kit.tenantId, book);
    expect(written).toEqual(recomputed);
    expect(written).toHaveLength(book.ids.length - 1);
    // Every account that received nothing went the set-based way, except the ambiguous tie
    // and the one whose schedule does not add up (the calculator refuses it, both ways).
    expect(sqlWay.setBased).toBe(book.unpaid.length - 2);
    expect(sqlWay.failed.map((f) => f.accountId)).toEqual([book.cases.mismatch]);
    expect(calculated.failed.map((f) => f.accountId)).toEqual([book.cases.mismatch]);
    const byId = new Map(written.map((r) => [r.account_id as string, r]));
    // 100.00 × 3.6% × 1.5 × 1 day / 360 = 0.015: a tie over one piece, half-up to 0.02.
    expect(byId.get(book.cases.tie)).toMatchObject({ penalty_interest: '0.02', dpd: 1 });
    // 0.025 as three 1-day pieces of 0.00833…: whether 40-digit pieces land on the tie is the
    // calculator's to say (here they do: 0.03 + 0.02 + 0.01), so SQL leaves it to it.
    expect(byId.get(book.cases.tieOverPieces)).toMatchObject({ penalty_interest: '0.06', dpd: 3 });
    expect(byId.get(book.cases.compoundTie)).toMatchObject({
      penalty_interest: '0.02',
      compound_interest: '0.02',
    });
    expect(byId.get(book.cases.dueToday)).toMatchObject({ due_today: '150.00', dpd: 0 });
    expect(written.filter((r) => Number(r.dpd) > 0).length).toBeGreaterThan(150);
    expect(written.filter((r) => Number(r.penalty_interest) > 0).length).toBeGreaterThan(150);
    expect(written.filter((r) => Number(r.compound_interest) > 0).length).toBeGreaterThan(50);
  });

  it('co-op pack (markup and compound bound, its own buckets and an incentive): both ways agree', async () => {
    const book = generateBook(7, 300);
    const { sqlWay, written, recomputed } = await bothWays(coopTenant, book);
    expect(written).toEqual(recomputed);
    expect(sqlWay.setBased).toBeGreaterThan(book.unpaid.length * 0.9);
    expect(new Set(written.map((r) => r.aging_bucket))).toEqual(
      new Set(['未逾期', '逾期1年内', '逾期1-3年']),
    );
  });
});

async function snapshots(owner: Client, tenantId: string): Promise<Record<string, unknown>[]> {
  return (await owner.query(SNAPSHOT, [tenantId])).rows;
}
