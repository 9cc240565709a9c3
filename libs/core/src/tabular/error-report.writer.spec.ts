import { Writable } from 'node:stream';
import type { RowError } from './column-mapping.types';
import { csvCell, neutraliseCell, writeErrorReportCsv } from './error-report.writer';

/** A deliberately slow sink with a tiny buffer, to exercise back-pressure. */
class SlowSink extends Writable {
  readonly chunks: Buffer[] = [];
  constructor() {
    super({ highWaterMark: 16 });
  }
  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error) => void,
  ): void {
    this.chunks.push(chunk);
    setImmediate(callback);
  }
}

const error = (row: number, column: string, value: string, reasonZh: string): RowError => ({
  row,
  column,
  field: 'x',
  value,
  reason: 'reason',
  reasonZh,
});

describe('writeErrorReportCsv', () => {
  it('writes UTF-8 with BOM, CRLF, the Chinese header and neutralised, quoted cells', async () => {
    const sink = new SlowSink();
    await writeErrorReportCsv(
      [
        error(3, '贷款金额', 'abc', '金额格式不正确（应如 1234.50 或 1,234.50）'),
        error(4, '备注', '=HYPERLINK("http://evil","点我")', '含公式'),
        error(5, '金额', '-1', '金额不能为负数'),
        error(6, '@姓名', '+86 138', '\t制表符'),
      ],
      sink,
    );
    const bytes = Buffer.concat(sink.chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        '行号,列,值,原因',
        '3,贷款金额,abc,"金额格式不正确（应如 1234.50 或 1,234.50）"',
        `4,备注,"'=HYPERLINK(""http://evil"",""点我"")",含公式`,
        "5,金额,'-1,金额不能为负数",
        "6,'@姓名,'+86 138,'\t制表符",
        '',
      ].join('\r\n'),
    );
    expect(sink.writableFinished).toBe(true);
  });

  it('streams many errors from an async source and can leave the writable open', async () => {
    const sink = new SlowSink();
    async function* many(): AsyncGenerator<RowError> {
      for (let row = 2; row < 2002; row += 1) yield error(row, '日期', '2026-02-30', '日期不存在');
    }
    await writeErrorReportCsv(many(), sink, { end: false });
    expect(sink.writableEnded).toBe(false);
    const lines = Buffer.concat(sink.chunks).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(2002);
    expect(lines[2000]).toBe('2001,日期,2026-02-30,日期不存在');
  });
});

describe('cell neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone and quotes line breaks', () => {
    expect(neutraliseCell('孙桂英')).toBe('孙桂英');
    expect(neutraliseCell('1-2')).toBe('1-2');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});
