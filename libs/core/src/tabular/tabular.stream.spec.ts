import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { mapRows } from './column.mapper';
import type { ColumnMapping, MappedRow } from './column-mapping.types';
import { readTabular } from './tabular.reader';
import { makeTempDir } from './tabular.test-helpers';

/**
 * Every row of a streamed file comes out of readTabular → mapRows, mapped and numbered. How
 * much heap 200,000 rows take is measured by `npm run bench -- --only tabular-memory`
 * (bench/tabular-memory.bench.ts): memory is not measured inside jest.
 */
const ROWS = 5_000;

const MAPPING: ColumnMapping = [
  { field: 'loanNumber', headers: ['贷款账号'], required: true, parse: 'string' },
  { field: 'borrowerName', headers: ['借款人'], required: true, parse: 'string' },
  { field: 'idNumber', headers: ['身份证号'], required: true, parse: 'string' },
  { field: 'balance', headers: ['贷款余额'], required: true, parse: 'decimal' },
  { field: 'issuedOn', headers: ['发放日期'], required: true, parse: 'date' },
  { field: 'annualRate', headers: ['执行年利率'], required: true, parse: 'percent' },
  { field: 'villageCadre', headers: ['是否村干部'], required: false, parse: 'boolean' },
];

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('\uFEFF贷款账号,借款人,身份证号,贷款余额,发放日期,执行年利率,是否村干部\r\n');
  for (let i = 0; i < ROWS; i += 1) {
    const id = `1502211972081${String(i % 100000).padStart(5, '0')}`;
    const balance = `${(i % 90000) + 1000}.${String(i % 100).padStart(2, '0')}`;
    const line = `NX${i},林勇${i % 97},${id},${balance},2009-07-01,9.72%,${i % 2 ? '是' : '否'}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('streaming a file', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it(`maps every one of ${ROWS} rows through readTabular and mapRows, numbered in order`, async () => {
    const path = join(temp.dir, 'rows.csv');
    await writeCsv(path);
    let count = 0;
    let failed: MappedRow | undefined;
    let lastRow = 0;
    let outOfOrder = 0;
    for await (const row of mapRows(readTabular({ path }), MAPPING)) {
      count += 1;
      if (!row.ok) failed ??= row;
      if (row.rowNumber !== lastRow + 1 && lastRow !== 0) outOfOrder += 1;
      lastRow = row.rowNumber;
    }
    expect(failed).toBeUndefined();
    expect(count).toBe(ROWS);
    expect(outOfOrder).toBe(0);
    // Row 1 is the header: the last data row is the file's line ROWS + 1.
    expect(lastRow).toBe(ROWS + 1);
  });
});
