import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { mapRows } from './column.mapper';
import type { ColumnMapping } from './column-mapping.types';
import { readTabular } from './tabular.reader';
import { collect, makeTempDir } from './tabular.test-helpers';

/** A workbook like a bank export: a hidden lookup sheet first, then the data sheet. */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const lookup = workbook.addWorksheet('下拉选项');
  lookup.state = 'hidden';
  lookup.addRow(['正常', '关注']);
  const sheet = workbook.addWorksheet('委案明细');
  sheet.addRow([
    '\u3000卡号 ',
    '贷款余额',
    '发放日期',
    '执行年利率',
    '两倍余额',
    '到期日',
    '持卡人',
    '网址',
    '是否村干部',
    '备注',
  ]);
  const row = sheet.addRow([
    6225610926759833,
    8707.42,
    new Date(Date.UTC(2026, 2, 1)),
    0.0435,
    { formula: 'B2*2', result: 17414.84 },
    { formula: 'C2+365', result: 46447 },
    { richText: [{ text: '孙' }, { text: '桂英', font: { bold: true } }] },
    { text: '查看', hyperlink: 'https://example.com' },
    true,
    '  前营村  ',
  ]);
  row.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
  row.getCell(4).numFmt = '0.00%';
  row.getCell(6).numFmt = 'yyyy-mm-dd';
  sheet.addRow([]);
  sheet.addRow(['6225663330554534', 0.1 + 0.2, new Date(Date.UTC(2025, 11, 31, 14, 30)), 0.031]);
  await workbook.xlsx.writeFile(path);
}

describe('readTabular on XLSX', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let path: string;
  beforeAll(async () => {
    temp = await makeTempDir();
    path = join(temp.dir, 'cases.xlsx');
    await writeWorkbook(path);
  });
  afterAll(() => temp.cleanup());

  it('reads the first visible sheet with Excel row numbers and converted cells', async () => {
    const reader = readTabular({ path });
    const rows = await collect(reader);
    expect(reader.headers).toEqual([
      '卡号',
      '贷款余额',
      '发放日期',
      '执行年利率',
      '两倍余额',
      '到期日',
      '持卡人',
      '网址',
      '是否村干部',
      '备注',
    ]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: {
          卡号: '6225610926759833',
          贷款余额: '8707.42',
          发放日期: '2026-03-01',
          执行年利率: '4.35%',
          两倍余额: '17414.84',
          到期日: '2027-03-01',
          持卡人: '孙桂英',
          网址: '查看',
          是否村干部: 'TRUE',
          备注: '前营村',
        },
      },
      {
        rowNumber: 4,
        values: expect.objectContaining({
          卡号: '6225663330554534',
          贷款余额: '0.3',
          发放日期: '2025-12-31 14:30:00',
          执行年利率: '0.031',
          两倍余额: '',
        }),
      },
    ]);
  });

  it('maps XLSX cells through the same parsers as CSV', async () => {
    const mapping: ColumnMapping = [
      { field: 'cardNumber', headers: ['卡号'], required: true, parse: 'string' },
      { field: 'balance', headers: ['贷款余额'], required: true, parse: 'decimal' },
      { field: 'issuedOn', headers: ['发放日期'], required: true, parse: 'date' },
      {
        field: 'rate',
        headers: ['执行年利率'],
        required: true,
        parse: { type: 'percent', bare: 'fraction' },
      },
      { field: 'villageCadre', headers: ['是否村干部'], required: false, parse: 'boolean' },
    ];
    const [first, second] = await collect(mapRows(readTabular({ path }), mapping));
    expect(first).toEqual({
      ok: true,
      rowNumber: 2,
      record: {
        cardNumber: '6225610926759833',
        balance: '8707.42',
        issuedOn: '2026-03-01',
        rate: '0.0435',
        villageCadre: true,
      },
    });
    expect(second).toEqual({
      ok: true,
      rowNumber: 4,
      record: {
        cardNumber: '6225663330554534',
        balance: '0.30',
        issuedOn: '2025-12-31',
        rate: '0.031',
        villageCadre: null,
      },
    });
  });

  it('reads a named sheet, also from a stream', async () => {
    const stream = createReadStream(path);
    const rows = await collect(
      readTabular({ stream, format: 'xlsx' }, { sheet: '下拉选项', headerRow: 1 }),
    );
    expect(rows).toEqual([]);
    await expect(collect(readTabular({ path }, { sheet: '无此表' }))).rejects.toThrow(/not found/);
  });

  it('closes the file when the consumer stops early', async () => {
    const stream = createReadStream(path);
    for await (const row of readTabular({ stream, format: 'xlsx' })) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    expect(stream.destroyed).toBe(true);
  });

  it('rejects a file that is not a workbook', async () => {
    const bogus = join(temp.dir, 'bogus.xlsx');
    await writeFile(bogus, 'not a zip');
    await expect(collect(readTabular({ path: bogus }))).rejects.toMatchObject({
      name: 'TabularFormatError',
    });
  });
});
