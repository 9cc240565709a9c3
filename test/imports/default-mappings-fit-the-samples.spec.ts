import { resolve } from 'node:path';
import type { ImportKind } from '../../libs/imports/src';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

// Every sample file the offices sent, with the mapping registered for it. Order matters:
// the card repayments name the cards of the agency batch.
const SAMPLES: [string, ImportKind, string, number][] = [
  ['student-loans.csv', 'accounts', 'student-loans', 40],
  ['coop-npl-loans.csv', 'accounts', 'coop-npl', 40],
  ['leasing-dealer-receivables.csv', 'accounts', 'leasing-receivables', 30],
  ['housing-fund-loans.csv', 'accounts', 'housing-fund-loans', 30],
  ['housing-fund-employer-contributions.csv', 'accounts', 'employer-contributions', 20],
  ['card-agency-cases.gbk.csv', 'cases', 'card-cases', 30],
  ['card-bank-repayments.gbk.csv', 'payments', 'card-repayments', 12],
];

describe('the default mappings read every sample file in test/fixtures without a row error', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('samples');
  });
  afterAll(async () => kit.close());

  it.each(SAMPLES)(
    '%s (kind %s, mapping %s) imports all %i rows',
    async (file, kind, mapping, rows) => {
      const view = await kit.importFile(resolve(FIXTURES, file), kind, mapping);
      expect({ file, status: view.status, ok: view.rowsOk, failed: view.rowsFailed }).toEqual({
        file,
        status: 'succeeded',
        ok: rows,
        failed: 0,
      });
    },
  );

  it('a dealer receivable with 已收金额 shows only the remainder as due: ZL-2025-0002 owes 75,833.51', async () => {
    // 应收 379,167.57 − 已收 303,334.06, due 2026-06-12.
    const balance = await kit.balance('leasing-erp', 'ZL-2025-0002', '2026-06-13');
    expect(balance.overduePrincipal).toBe('75833.51');
    expect(balance.dpd).toBe(1);
  });

  it('an employer month is keyed 统一社会信用代码-应缴月份 and falls due on the last day of the month', async () => {
    const { rows } = await kit.owner.query(
      `select a.principal, i.due_date::text from accounts a
       join installments i on i.tenant_id = a.tenant_id and i.account_id = a.id
       where a.tenant_id = $1 and a.external_ref = '91130100YTHH41M8XT-2026-01'`,
      [kit.tenantId],
    );
    expect(rows).toEqual([{ principal: '370500.00', due_date: '2026-01-31' }]);
  });
});
