import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { SNIFF_BYTES } from './byte-sniff.util';
import {
  detectEncoding,
  detectEncodingFromBytes,
  resolveEncodingName,
} from './encoding-detection.util';
import { collect, fixture, makeTempDir } from './tabular.test-helpers';

describe('detectEncodingFromBytes', () => {
  it('recognises a UTF-8 BOM', () => {
    expect(detectEncodingFromBytes(Buffer.from('\uFEFF贷款账号', 'utf8'), true)).toEqual({
      encoding: 'utf8',
      bom: true,
    });
  });

  it('takes valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(detectEncodingFromBytes(Buffer.from('卡号,还款日期', 'utf8'), true).encoding).toBe(
      'utf8',
    );
    expect(detectEncodingFromBytes(Buffer.from('a,b,c\r\n1,2,3', 'ascii'), true).encoding).toBe(
      'utf8',
    );
    expect(detectEncodingFromBytes(Buffer.alloc(0), true).encoding).toBe('utf8');
  });

  it('takes anything else as GB18030', () => {
    const gbk = iconv.encode('委案批次号,卡号,持卡人姓名', 'gbk');
    expect(detectEncodingFromBytes(gbk, true)).toEqual({ encoding: 'gb18030', bom: false });
  });

  it('allows a multibyte character cut by the end of the sniff window', () => {
    const cut = Buffer.from('姓名,中', 'utf8').subarray(0, -1);
    expect(detectEncodingFromBytes(cut, false).encoding).toBe('utf8');
    // The same bytes as a whole file end in a broken character.
    expect(detectEncodingFromBytes(cut, true).encoding).toBe('gb18030');
  });

  it('still rejects a cut tail that cannot start a valid character', () => {
    const bad = Buffer.concat([Buffer.from('abc'), Buffer.from([0xe0, 0x80])]);
    expect(detectEncodingFromBytes(bad, false).encoding).toBe('gb18030');
  });
});

describe('resolveEncodingName', () => {
  it('decodes GBK and GB2312 as GB18030', () => {
    expect(resolveEncodingName('gbk')).toBe('gb18030');
    expect(resolveEncodingName('gb2312')).toBe('gb18030');
    expect(resolveEncodingName('utf-8')).toBe('utf8');
  });
});

describe('detectEncoding', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it.each([
    ['card-agency-cases.gbk.csv', 'gb18030', false],
    ['card-bank-repayments.gbk.csv', 'gb18030', false],
    ['coop-npl-loans.csv', 'utf8', true],
    ['housing-fund-employer-contributions.csv', 'utf8', true],
    ['housing-fund-loans.csv', 'utf8', true],
    ['leasing-dealer-receivables.csv', 'utf8', true],
    ['student-loans.csv', 'utf8', true],
  ])('detects %s as %s', async (name, encoding, bom) => {
    expect(await detectEncoding(fixture(name))).toEqual({ encoding, bom });
  });

  it('handles a UTF-8 file whose character straddles the 64 KB boundary', async () => {
    const path = join(temp.dir, 'straddle.csv');
    await writeFile(path, 'a'.repeat(SNIFF_BYTES - 1) + '中文');
    expect(await detectEncoding(path)).toEqual({ encoding: 'utf8', bom: false });
  });

  it('detects GBK beyond ASCII in the first window of a file', async () => {
    const path = join(temp.dir, 'gbk.csv');
    await writeFile(path, iconv.encode('x'.repeat(1000) + '孙桂英', 'gbk'));
    expect((await detectEncoding(path)).encoding).toBe('gb18030');
  });

  it('sniffs a stream and hands back every byte', async () => {
    const bytes = Buffer.from('a'.repeat(SNIFF_BYTES - 2) + '中文,'.repeat(30000), 'utf8');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
      bytes.subarray(i * 1000, (i + 1) * 1000),
    );
    const result = await detectEncoding(Readable.from(chunks, { objectMode: false }));
    expect(result.encoding).toBe('utf8');
    expect(Buffer.concat(await collect<Buffer>(result.stream)).equals(bytes)).toBe(true);
  });

  it('sniffs a short GBK stream', async () => {
    const bytes = iconv.encode('卡号,还款日期\r\n', 'gbk');
    const result = await detectEncoding(Readable.from([bytes]));
    expect(result).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(Buffer.concat(await collect<Buffer>(result.stream)).equals(bytes)).toBe(true);
  });
});
