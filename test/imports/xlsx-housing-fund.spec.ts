import ExcelJS from 'exceljs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ImportKit, startImportKit } from './support/import-kit';

/** An XLSX as the fund's system exports it: numbers, a percent-formatted rate, real date cells. */
async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('贷款台账');
  sheet.addRow([
    '借款合同号',
    '借款人',
    '身份证号',
    '贷款金额',
    '年利率',
    '贷款期限(月)',
    '还款方式',
    '放款日期',
    '当前逾期期数',
    '联系电话',
  ]);
  const rows = [
    [
      'GJJ-X-001',
      '朱超',
      '620102198701223427',
      300000,
      0.031,
      240,
      '等额本息',
      new Date(Date.UTC(2024, 2, 15)),
      2,
      18016384009,
    ],
    [
      'GJJ-X-002',
      '陈刚',
      '620102197104030761',
      200000,
      0.0285,
      120,
      '等额本金',
      new Date(Date.UTC(2023, 9, 15)),
      0,
      13388349835,
    ],
    [
      'GJJ-X-003',
      '高娜',
      '620102199206186408',
      150000,
      0.031,
      60,
      '等额本息',
      new Date(Date.UTC(2025, 0, 15)),
      1,
      18517142915,
    ],
  ];
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.getCell(4).numFmt = '#,##0.00';
    row.getCell(5).numFmt = '0.00%';
    row.getCell(8).numFmt = 'yyyy-mm-dd';
  }
  await book.xlsx.writeFile(path);
}

describe('an XLSX workbook imports like its CSV: numbers, percent cells and date cells', () => {
  let kit: ImportKit;
  const file = resolve(tmpdir(), `qs-housing-${process.pid}.xlsx`);
  beforeAll(async () => {
    kit = await startImportKit('xlsx-fund');
    await writeWorkbook(file);
  });
  afterAll(async () => {
    await rm(file, { force: true });
    await kit.close();
  });

  it('imports 3 loans; 300,000.00 at 3.10% (等额本息, 240 months) bills 775.00 interest in month 1', async () => {
    const view = await kit.importFile(file, 'accounts', 'housing-fund-loans');

    expect(view).toMatchObject({ status: 'succeeded', fileFormat: 'xlsx', encoding: null });
    expect(view).toMatchObject({ rowsTotal: 3, rowsOk: 3, rowsFailed: 0 });
    const { rows } = await kit.owner.query(
      `select a.principal, a.annual_rate, a.repayment_method, a.start_date::text,
              i.due_date::text, i.interest, d.phones
       from accounts a
       join installments i on i.tenant_id = a.tenant_id and i.account_id = a.id and i.seq = 1
       join debtors d on d.tenant_id = a.tenant_id and d.id = a.debtor_id
       where a.tenant_id = $1 and a.external_ref = 'GJJ-X-001'`,
      [kit.tenantId],
    );
    expect(rows).toEqual([
      {
        principal: '300000.00',
        annual_rate: '0.031000',
        repayment_method: 'equal-installment',
        start_date: '2024-03-15',
        due_date: '2024-04-15',
        interest: '775.00',
        phones: ['18016384009'],
      },
    ]);
    expect(await kit.count('installments')).toBe(240 + 120 + 60);
    // 当前逾期期数 2: every installment due by today but the last two is booked paid on its date.
    const balance = await kit.balance('housing-fund', 'GJJ-X-001');
    expect(balance.dpd).toBeGreaterThan(0);
    const { rows: unpaid } = await kit.owner.query(
      `select count(*)::int as n from installments i
       where i.tenant_id = $1 and i.due_date <= current_date
         and i.account_id = (select id from accounts where tenant_id = $1 and external_ref = 'GJJ-X-001')
         and not exists (select 1 from payments p where p.tenant_id = i.tenant_id
                         and p.external_ref = 'GJJ-X-001#paid-' || i.seq)`,
      [kit.tenantId],
    );
    expect(unpaid[0].n).toBe(2);
  });
});
