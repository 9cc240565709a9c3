import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapRows } from './column.mapper';
import type { ColumnMapping, MappedRow } from './column-mapping.types';
import { TabularHeaderError } from './tabular.errors';
import { readTabular } from './tabular.reader';
import { collect, fixture, makeTempDir } from './tabular.test-helpers';

const FIVE_LEVEL = {
  正常: 'pass',
  关注: 'special-mention',
  次级: 'substandard',
  可疑: 'doubtful',
  损失: 'loss',
};

const LOAN_MAPPING: ColumnMapping = [
  {
    field: 'loanNumber',
    headers: ['贷款账号', '借款合同号', 'Loan number'],
    required: true,
    parse: 'string',
  },
  {
    field: 'borrowerName',
    headers: ['借款人', '姓名', 'Borrower'],
    required: true,
    parse: 'string',
  },
  {
    field: 'idNumber',
    headers: ['身份证号', '证件号码', 'ID number'],
    required: true,
    parse: 'string',
  },
  { field: 'principal', headers: ['发放金额', '贷款金额'], required: true, parse: 'decimal' },
  { field: 'balance', headers: ['贷款余额'], required: false, parse: 'decimal' },
  { field: 'issuedOn', headers: ['发放日期', '放款日期'], required: true, parse: 'date' },
  { field: 'maturesOn', headers: ['到期日期'], required: false, parse: 'date' },
  { field: 'annualRate', headers: ['执行年利率', '年利率'], required: false, parse: 'percent' },
  {
    field: 'riskClass',
    headers: ['五级分类'],
    required: false,
    parse: { type: 'enum', values: FIVE_LEVEL },
  },
  { field: 'villageCadre', headers: ['是否村干部'], required: false, parse: 'boolean' },
  {
    field: 'overdueTerms',
    headers: ['当前逾期期数'],
    required: false,
    parse: { type: 'integer', min: 0 },
  },
];

const failures = (rows: MappedRow[]) => rows.flatMap((row) => (row.ok ? [] : row.errors));

describe('mapRows on the sample files', () => {
  it('maps every row of the rural-cooperative NPL file', async () => {
    const rows = await collect(
      mapRows(readTabular({ path: fixture('coop-npl-loans.csv') }), LOAN_MAPPING),
    );
    expect(rows).toHaveLength(40);
    expect(failures(rows)).toEqual([]);
    expect(rows[0]).toEqual({
      ok: true,
      rowNumber: 2,
      record: {
        loanNumber: 'NX200900000',
        borrowerName: '林勇',
        idNumber: '150221197208109652',
        principal: '20000.00',
        balance: '8707.42',
        issuedOn: '2009-07-01',
        maturesOn: '2011-07-01',
        annualRate: '0.0972',
        riskClass: 'doubtful',
        villageCadre: false,
        overdueTerms: null,
      },
    });
  });

  it('maps the housing-fund loans through other aliases', async () => {
    const rows = await collect(
      mapRows(readTabular({ path: fixture('housing-fund-loans.csv') }), LOAN_MAPPING),
    );
    expect(rows).toHaveLength(30);
    expect(failures(rows)).toEqual([]);
    expect(rows[0]).toMatchObject({
      record: { loanNumber: 'GJJ000000', annualRate: '0.031', overdueTerms: 6 },
    });
  });
});

describe('mapRows on bad input', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  const csv = async (name: string, text: string): Promise<string> => {
    const path = join(temp.dir, name);
    await writeFile(path, `\uFEFF${text}`);
    return path;
  };

  it('reports each bad cell with its row number and the header as written', async () => {
    const path = await csv(
      'bad.csv',
      [
        '贷款账号,借款人,证件号码,贷款金额,放款日期,五级分类',
        'A1,林勇,150221197208109652,"1,234.50",2026/3/1,正常',
        'A2,徐磊,150221198503138653,abc,2026-03-01,关注',
        'A3,周杰,150221197405194630,100.00,2026-02-30,次级',
        'A4,,150221197405194631,１２３,20260301,呆账',
      ].join('\r\n'),
    );
    const rows = await collect(mapRows(readTabular({ path }), LOAN_MAPPING));
    expect(rows.map((row) => [row.rowNumber, row.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(rows[0]).toMatchObject({
      record: { principal: '1234.50', issuedOn: '2026-03-01', riskClass: 'pass' },
    });
    expect(failures(rows)).toEqual([
      {
        row: 3,
        column: '贷款金额',
        field: 'principal',
        value: 'abc',
        reason: 'not a valid amount (e.g. 1234.50 or 1,234.50)',
        reasonZh: '金额格式不正确（应如 1234.50 或 1,234.50）',
      },
      {
        row: 4,
        column: '放款日期',
        field: 'issuedOn',
        value: '2026-02-30',
        reason: 'date does not exist',
        reasonZh: '日期不存在',
      },
      {
        row: 5,
        column: '借款人',
        field: 'borrowerName',
        value: '',
        reason: 'required value is missing',
        reasonZh: '必填项为空',
      },
      expect.objectContaining({
        row: 5,
        column: '贷款金额',
        value: '１２３',
        reason: expect.stringMatching(/full-width/),
      }),
      expect.objectContaining({
        row: 5,
        column: '五级分类',
        value: '呆账',
        reason: expect.stringMatching(/allowed values/),
      }),
    ]);
  });

  it('throws once, before any row, for missing required headers, naming the aliases', async () => {
    const path = await csv('no-id.csv', '借款合同号,借款人,贷款金额\r\nA1,林勇,100\r\n');
    const error = await collect(mapRows(readTabular({ path }), LOAN_MAPPING)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TabularHeaderError);
    expect((error as TabularHeaderError).missing).toEqual([
      { field: 'idNumber', headers: ['身份证号', '证件号码', 'ID number'] },
      { field: 'issuedOn', headers: ['发放日期', '放款日期'] },
    ]);
    expect((error as TabularHeaderError).message).toContain('身份证号, 证件号码, ID number');
  });

  it('checks headers even when the file has no data rows, and closes the file', async () => {
    const stream = createReadStream(await csv('header-only.csv', '借款人\r\n'));
    await expect(
      collect(mapRows(readTabular({ stream, format: 'csv' }), LOAN_MAPPING)),
    ).rejects.toThrow(TabularHeaderError);
    expect(stream.destroyed).toBe(true);
  });

  it('matches aliases across case, spacing and full-width forms, and flags two columns for one field', async () => {
    const mapping: ColumnMapping = [
      { field: 'idNumber', headers: ['身份证号', 'ID number'], required: true, parse: 'string' },
      { field: 'term', headers: ['贷款期限(月)'], required: true, parse: 'integer' },
    ];
    const rows = [{ rowNumber: 2, values: { 'ID  Number': 'X1', '贷款期限（月）': '300' } }];
    expect(await collect(mapRows(rows, mapping))).toEqual([
      { ok: true, rowNumber: 2, record: { idNumber: 'X1', term: 300 } },
    ]);
    const twice = [
      { rowNumber: 2, values: { 身份证号: 'X1', 'ID number': 'X2', '贷款期限(月)': '1' } },
    ];
    await expect(collect(mapRows(twice, mapping))).rejects.toMatchObject({
      ambiguous: [{ field: 'idNumber', columns: ['身份证号', 'ID number'] }],
    });
  });

  it('rejects an inconsistent mapping at call time', () => {
    const clash: ColumnMapping = [
      { field: 'a', headers: ['姓名'], required: true, parse: 'string' },
      { field: 'b', headers: ['姓 名'], required: false, parse: 'string' },
    ];
    expect(() => mapRows([], clash)).toThrow(/used by a and b/);
    expect(() =>
      mapRows([], [{ field: 'a', headers: [], required: true, parse: 'string' }]),
    ).toThrow(/no headers/);
  });
});
