import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAccountsCsv } from '../../bench/accounts-csv';
import { TenantTx } from '../../libs/db/src';
import { AccountBalances, refreshAccountBalances } from '../../libs/ledger/src';
import { ImportKit, startImportKit } from './support/import-kit';

const SNAPSHOT = `select account_id, as_of::text, overdue_principal, overdue_interest, due_today,
    penalty_interest, compound_interest, fees, total_due, outstanding_principal, overpayment,
    dpd, aging_bucket, loan_class
  from account_balances where tenant_id = $1 order by account_id`;

/**
 * Issue 15 §4: an import writes the first snapshots of accounts that have received nothing
 * (overdue or not yet due) in one statement, the calculator only for the rest. Every snapshot must be the very one
 * the ledger's calculator writes for the same account on the same date.
 */
describe('an import’s balance snapshots are the calculator’s, whichever way they were written', () => {
  let kit: ImportKit;
  const dir = mkdtempSync(join(tmpdir(), 'qs-not-yet-due-'));
  beforeAll(async () => {
    kit = await startImportKit('not-yet-due');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await kit?.close();
  });

  it('a generated book (loans from 2018 on, 12–36 months): every snapshot equals a full recompute', async () => {
    const file = join(dir, 'accounts.csv');
    await writeAccountsCsv(file, { rows: 150, schedule: 'bullet' });
    const done = await kit.importFile(file, 'accounts', undefined, { chunkSize: 50 });
    expect(done).toMatchObject({ status: 'succeeded', rowsOk: 150 });
    const imported = (await kit.owner.query(SNAPSHOT, [kit.tenantId])).rows;
    expect(imported).toHaveLength(150);
    expect(imported.filter((r) => r.dpd > 0).length).toBeGreaterThan(3);
    const quiet = imported.filter((r) => r.dpd === 0 && Number(r.total_due) === 0);
    // Both kinds went the set-based way: accounts in arrears and accounts not yet due.
    expect(quiet.length).toBeGreaterThan(3);

    await kit.owner.query(`delete from account_balances where tenant_id = $1`, [kit.tenantId]);
    const accountIds = (
      await kit.owner.query<{ id: string }>(`select id from accounts where tenant_id = $1`, [
        kit.tenantId,
      ])
    ).rows.map((r) => r.id);
    const app = kit.api.app;
    await app.get(TenantTx).run(kit.tenantId, (em) =>
      refreshAccountBalances(em, app.get(AccountBalances), {
        tenantId: kit.tenantId,
        accountIds,
        asOf: imported[0].as_of,
        now: new Date(),
      }),
    );
    expect((await kit.owner.query(SNAPSHOT, [kit.tenantId])).rows).toEqual(imported);
  });
});
