import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mapRows } from './column.mapper';
import type { ColumnMapping, MappedRow } from './column-mapping.types';
import { readTabular } from './tabular.reader';
import { makeTempDir } from './tabular.test-helpers';

const ROWS = 200_000;
const MB = 1024 * 1024;
/** Heap growth allowed at any sample, garbage included. */
const PEAK_GROWTH_LIMIT = 100 * MB;
/** Heap growth allowed after a full GC: what the pipeline really keeps alive. */
const RETAINED_GROWTH_LIMIT = 24 * MB;

const MAPPING: ColumnMapping = [
  { field: 'loanNumber', headers: ['贷款账号'], required: true, parse: 'string' },
  { field: 'borrowerName', headers: ['借款人'], required: true, parse: 'string' },
  { field: 'idNumber', headers: ['身份证号'], required: true, parse: 'string' },
  { field: 'balance', headers: ['贷款余额'], required: true, parse: 'decimal' },
  { field: 'issuedOn', headers: ['发放日期'], required: true, parse: 'date' },
  { field: 'annualRate', headers: ['执行年利率'], required: true, parse: 'percent' },
  { field: 'villageCadre', headers: ['是否村干部'], required: false, parse: 'boolean' },
];

async function writeLargeCsv(path: string): Promise<void> {
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

/** A full garbage collection, when V8 lets us expose it at run time. */
function exposeGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : undefined;
}

describe('bounded memory', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it(`streams ${ROWS} rows through readTabular and mapRows with bounded heap growth`, async () => {
    const path = join(temp.dir, 'large.csv');
    await writeLargeCsv(path);
    const gc = exposeGc();
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let retained = 0;
    let count = 0;
    let failed: MappedRow | undefined;
    let lastRow = 0;
    for await (const row of mapRows(readTabular({ path }), MAPPING)) {
      count += 1;
      if (!row.ok) failed ??= row;
      lastRow = row.rowNumber;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      if (gc && count % 50_000 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(failed).toBeUndefined();
    expect(count).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    expect(peak).toBeLessThan(PEAK_GROWTH_LIMIT);
    expect(retained).toBeLessThan(RETAINED_GROWTH_LIMIT);
  }, 120_000);
});
