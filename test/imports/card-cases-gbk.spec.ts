import { resolve } from 'node:path';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

describe('a GBK agency batch (篇八 委案) opens one case per card, and the GBK repayment feed books against those cards', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('card-gbk');
  });
  afterAll(async () => kit.close());

  it('detects GBK, decodes 孙桂英, opens 30 cases on 委案日期 and keeps the bank’s DPD of 130 on that day', async () => {
    const view = await kit.importFile(resolve(FIXTURES, 'card-agency-cases.gbk.csv'), 'cases');

    expect(view).toMatchObject({
      status: 'succeeded',
      mappingName: 'card-cases',
      encoding: 'gb18030',
      rowsTotal: 30,
      rowsOk: 30,
    });
    expect(view.counts).toMatchObject({ debtorsCreated: 30, accountsCreated: 30, casesOpened: 30 });
    const { rows } = await kit.owner.query(
      `select d.name, d.phones, d.address, c.status, c.scope, c.opened_on::text
       from accounts a
       join debtors d on d.tenant_id = a.tenant_id and d.id = a.debtor_id
       join cases c on c.tenant_id = a.tenant_id and c.account_id = a.id
       where a.tenant_id = $1 and a.source = 'card' and a.external_ref = '6225610926759833'`,
      [kit.tenantId],
    );
    expect(rows).toEqual([
      {
        name: '孙桂英',
        phones: ['18908695986'],
        address: '上海市徐汇区漕溪北路',
        status: 'open',
        scope: 'account',
        opened_on: '2026-03-01',
      },
    ]);
    expect(await kit.count('case_accounts')).toBe(30);
    // The contact panel (issue 11 §2): her phone and address as 导入, 有效.
    const { rows: points } = await kit.owner.query(
      `select p.kind, p.subtype, p.value, p.source, p.status from debtor_contact_points p
       join debtors d on d.tenant_id = p.tenant_id and d.id = p.debtor_id
       where p.tenant_id = $1 and d.name = '孙桂英' order by p.kind desc`,
      [kit.tenantId],
    );
    expect(points).toEqual([
      { kind: 'phone', subtype: 'mobile', value: '18908695986', source: 'import', status: 'valid' },
      {
        kind: 'address',
        subtype: 'home',
        value: '上海市徐汇区漕溪北路',
        source: 'import',
        status: 'valid',
      },
    ]);
    // Balances right after the import (not ¥0.00 until the nightly run): one snapshot per
    // card, each with the bank's amount handed over and a DPD of at least the file's.
    const { rows: snapshots } = await kit.owner.query(
      `select count(*)::int as n, count(*) filter (where b.total_due > 0 and b.dpd > 0)::int as owing,
              bool_and(b.total_due >= a.principal)::text as covers
       from account_balances b join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
       where b.tenant_id = $1`,
      [kit.tenantId],
    );
    expect(snapshots).toEqual([{ n: 30, owing: 30, covers: 'true' }]);
    const { rows: sun } = await kit.owner.query(
      `select b.dpd, b.overdue_principal::text as principal from account_balances b
       join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
       where b.tenant_id = $1 and a.external_ref = '6225610926759833'`,
      [kit.tenantId],
    );
    expect(sun[0].principal).toBe('61726.68');
    // 退案日期 from the batch is kept on the case (the supervisor's pool shows it).
    const { rows: returned } = await kit.owner.query(
      `select count(*)::int as n, min(c.client_return_on)::text as first
       from cases c where c.tenant_id = $1 and c.client_return_on is not null`,
      [kit.tenantId],
    );
    expect(returned).toEqual([{ n: 30, first: '2026-05-31' }]);
    expect(sun[0].dpd).toBeGreaterThanOrEqual(130);
    const handedOver = await kit.balance('card', '6225610926759833', '2026-03-01');
    expect(handedOver.dpd).toBe(130);
    expect(handedOver.overduePrincipal).toBe('61726.68');
    // 委案金额 72,837.48 − 本金 61,726.68: the bank's interest and fees.
    expect(handedOver.overdueInterest).toBe('11110.80');
  });

  it('books the 12 receipts of card-bank-repayments.gbk.csv (16,730.17 in all) by 银行流水号', async () => {
    const view = await kit.importFile(
      resolve(FIXTURES, 'card-bank-repayments.gbk.csv'),
      'payments',
      'card-repayments',
    );

    expect(view).toMatchObject({ status: 'succeeded', encoding: 'gb18030', rowsOk: 12 });
    expect(view.counts).toMatchObject({ paymentsCreated: 12, paymentsExisting: 0 });
    const { rows } = await kit.owner.query(
      `select sum(amount)::text as total, count(*)::int as n from payments
       where tenant_id = $1 and source = 'card-bank'`,
      [kit.tenantId],
    );
    expect(rows[0]).toEqual({ total: '16730.17', n: 12 });
    const { rows: one } = await kit.owner.query(
      `select p.paid_on::text, p.amount from payments p
       join accounts a on a.tenant_id = p.tenant_id and a.id = p.account_id
       where p.tenant_id = $1 and p.external_ref = 'LS6696256969' and a.external_ref = '6225610926759833'`,
      [kit.tenantId],
    );
    expect(one).toEqual([{ paid_on: '2026-03-22', amount: '246.61' }]);
  });
});
