import { resolve } from 'node:path';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

describe('a UTF-8 file with BOM (the co-op bad-loan list) imports every row to the fen', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('coop-bom');
  });
  afterAll(async () => kit.close());

  it('reads 40 of 40 rows; NX200900000 owes 贷款余额 8,707.42 and 欠息 1,062.76 of 20,000.00 lent', async () => {
    const file = resolve(FIXTURES, 'coop-npl-loans.csv');
    const view = await kit.importFile(file, 'accounts', 'coop-npl');

    expect(view).toMatchObject({
      status: 'succeeded',
      encoding: 'utf8-bom',
      rowsTotal: 40,
      rowsOk: 40,
      rowsFailed: 0,
      errorReportKey: null,
    });
    expect(view.counts).toMatchObject({ debtorsCreated: 40, accountsCreated: 40 });
    expect(await kit.count('accounts', `source = 'coop-core'`)).toBe(40);
    // The BOM did not leak into the first header: 贷款账号 was found for every row.
    const { rows } = await kit.owner.query(
      `select a.principal, a.start_date::text, d.name, d.id_number
       from accounts a join debtors d on d.tenant_id = a.tenant_id and d.id = a.debtor_id
       where a.tenant_id = $1 and a.external_ref = 'NX200900000'`,
      [kit.tenantId],
    );
    expect(rows).toEqual([
      {
        principal: '20000.00',
        start_date: '2009-07-01',
        name: '林勇',
        id_number: '150221197208109652',
      },
    ]);
    const balance = await kit.balance('coop-core', 'NX200900000');
    expect(balance.outstandingPrincipal).toBe('8707.42');
    expect(balance.overduePrincipal).toBe('8707.42');
    expect(balance.overdueInterest).toBe('1062.76');
    // 村组 became a village group and 担保人 a guarantor of the account.
    expect(await kit.count('debtor_groups', `type = 'village'`)).toBe(5);
    expect(await kit.count('related_parties', `kind = 'guarantor'`)).toBe(40);
  });
});
