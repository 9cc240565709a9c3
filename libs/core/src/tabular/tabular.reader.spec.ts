import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { TabularEncodingError, TabularFormatError } from './tabular.errors';
import { readTabular } from './tabular.reader';
import { collect, fixture, makeTempDir } from './tabular.test-helpers';

describe('readTabular on the sample files', () => {
  it.each([
    ['card-agency-cases.gbk.csv', 30, '委案批次号', 13],
    ['card-bank-repayments.gbk.csv', 12, '卡号', 4],
    ['coop-npl-loans.csv', 40, '贷款账号', 14],
    ['housing-fund-employer-contributions.csv', 20, '单位名称', 6],
    ['housing-fund-loans.csv', 30, '借款合同号', 10],
    ['leasing-dealer-receivables.csv', 30, '合同编号', 10],
    ['student-loans.csv', 40, '合同编号', 13],
  ])('%s has %i data rows under a clean first header %s', async (name, count, first, width) => {
    const reader = readTabular({ path: fixture(name) });
    const rows = await collect(reader);
    expect(rows).toHaveLength(count);
    expect(reader.headers?.[0]).toBe(first);
    expect(reader.headers?.[0].charCodeAt(0)).not.toBe(0xfeff);
    expect(reader.headers).toHaveLength(width);
    expect(rows.map((row) => row.rowNumber)).toEqual(
      Array.from({ length: count }, (_, i) => i + 2),
    );
  });

  it('decodes GBK card files into correct Chinese', async () => {
    const reader = readTabular({ path: fixture('card-agency-cases.gbk.csv') });
    const [first] = await collect(reader);
    expect(reader.headers).toEqual([
      '委案批次号', '卡号', '持卡人姓名', '证件号码', '手机号码', '委案金额', '本金',
      '逾期天数', '账龄', '委案日期', '退案日期', '账单地址', '单位名称',
    ]); // prettier-ignore
    expect(first.values).toMatchObject({
      卡号: '6225610926759833',
      持卡人姓名: '孙桂英',
      委案金额: '72837.48',
      账单地址: '上海市徐汇区漕溪北路',
      单位名称: '',
    });
  });

  it('reads the BOM file keyed by the stripped first header', async () => {
    const [first] = await collect(readTabular({ path: fixture('coop-npl-loans.csv') }));
    expect(first).toEqual({
      rowNumber: 2,
      values: expect.objectContaining({
        贷款账号: 'NX200900000',
        贷款余额: '8707.42',
        五级分类: '可疑',
      }),
    });
  });

  it('honours an explicit encoding', async () => {
    const gbk = fixture('card-bank-repayments.gbk.csv');
    const forced = readTabular({ path: gbk }, { encoding: 'gbk' });
    expect(await collect(forced)).toHaveLength(12);
    await expect(collect(readTabular({ path: gbk }, { encoding: 'utf8' }))).rejects.toThrow(
      TabularEncodingError,
    );
  });

  it('reads a stream with an explicit format', async () => {
    const stream = createReadStream(fixture('card-bank-repayments.gbk.csv'));
    const rows = await collect(readTabular({ stream, format: 'csv' }));
    expect(rows[11]).toEqual({
      rowNumber: 13,
      values: {
        卡号: expect.any(String),
        还款日期: expect.any(String),
        还款金额: '277.62',
        银行流水号: 'LS2873573913',
      },
    });
  });
});

describe('readTabular on CSV edge cases', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  const csv = async (name: string, text: string | Buffer): Promise<string> => {
    const path = join(temp.dir, name);
    await writeFile(path, text);
    return path;
  };

  it('trims cells, cleans headers and skips empty rows while keeping Excel row numbers', async () => {
    const path = await csv(
      'messy.csv',
      '\uFEFF\u3000 姓名 ,金\u3000额, \r\n 张三 ,\u3000100\u3000\r\n,,\r\n\r\n"李\r\n四",200\r\n',
    );
    const reader = readTabular({ path });
    const rows = await collect(reader);
    expect(reader.headers).toEqual(['姓名', '金额']);
    expect(rows).toEqual([
      { rowNumber: 2, values: { 姓名: '张三', 金额: '100' } },
      { rowNumber: 5, values: { 姓名: '李\r\n四', 金额: '200' } },
    ]);
  });

  it('keys repeated headers apart, drops unnamed columns and fills short rows', async () => {
    const path = await csv('dupes.csv', '备注,,备注,金额\r\na,x,b\r\n');
    const reader = readTabular({ path });
    expect(await collect(reader)).toEqual([
      { rowNumber: 2, values: { 备注: 'a', '备注 (2)': 'b', 金额: '' } },
    ]);
    expect(reader.columns?.map((c) => c.header)).toEqual(['备注', '备注', '金额']);
  });

  it('finds the header below a title row when told', async () => {
    const path = await csv('title.csv', '2026年3月委案明细,,\r\n卡号,姓名\r\n6225,孙桂英\r\n');
    const rows = await collect(readTabular({ path }, { headerRow: 2 }));
    expect(rows).toEqual([{ rowNumber: 3, values: { 卡号: '6225', 姓名: '孙桂英' } }]);
  });

  it('reads GBK after a long ASCII prefix and a TSV by extension', async () => {
    const gbk = await csv('late.csv', iconv.encode('编号,姓名\r\n1,孙桂英\r\n', 'gbk'));
    expect((await collect(readTabular({ path: gbk })))[0].values.姓名).toBe('孙桂英');
    const tsv = await csv('tab.tsv', '卡号\t姓名\r\n1\t林静\r\n');
    expect((await collect(readTabular({ path: tsv })))[0].values).toEqual({
      卡号: '1',
      姓名: '林静',
    });
  });

  it('fails on bytes that break UTF-8 after the sniff window', async () => {
    const head = Buffer.from(`编号,姓名\r\n${'1,a\r\n'.repeat(20000)}`, 'utf8');
    const path = await csv(
      'late-gbk.csv',
      Buffer.concat([head, iconv.encode('2,孙桂英\r\n', 'gbk')]),
    );
    await expect(collect(readTabular({ path }))).rejects.toThrow(/not valid UTF-8/);
    expect((await collect(readTabular({ path }, { encoding: 'gb18030' }))).length).toBe(20001);
  });

  it('passes file-system errors through', async () => {
    await expect(
      collect(readTabular({ path: join(temp.dir, 'missing.csv') })),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('yields nothing but an empty header for an empty file', async () => {
    const reader = readTabular({ path: await csv('empty.csv', '') });
    expect(await collect(reader)).toEqual([]);
    expect(reader.headers).toEqual([]);
  });

  it('rejects unsupported and mislabelled files', async () => {
    expect(() => readTabular({ path: 'a.xls' })).toThrow(/Legacy \.xls/);
    expect(() => readTabular({ path: 'a.pdf' })).toThrow(TabularFormatError);
    const zip = await csv('zip.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    await expect(collect(readTabular({ path: zip }))).rejects.toThrow(/XLSX \(zip\) file/);
    const utf16 = await csv('u16.csv', Buffer.from('\uFEFFa,b', 'utf16le'));
    await expect(collect(readTabular({ path: utf16 }))).rejects.toThrow(/UTF-16/);
  });

  it('reports an unclosed quote as a format error with its row', async () => {
    const path = await csv('quote.csv', 'a,b\r\n1,2\r\n"3,4\r\n');
    await expect(collect(readTabular({ path }))).rejects.toMatchObject({
      name: 'TabularFormatError',
      rowNumber: 3,
    });
  });

  it('closes the input when the consumer stops early', async () => {
    const stream = createReadStream(fixture('student-loans.csv'));
    for await (const row of readTabular({ stream, format: 'csv' })) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(true);
  });

  it('is single-pass', async () => {
    const reader = readTabular({ stream: Readable.from(['a\r\n1\r\n']), format: 'csv' });
    await collect(reader);
    expect(() => reader[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});
