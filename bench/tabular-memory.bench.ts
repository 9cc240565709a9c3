import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mapRows } from '../libs/core/src/tabular/column.mapper';
import type { ColumnMapping, MappedRow } from '../libs/core/src/tabular/column-mapping.types';
import { readTabular } from '../libs/core/src/tabular/tabular.reader';

/*
 * `npm run bench -- --only tabular-memory`: 200,000 CSV rows stream through readTabular and
 * mapRows with bounded heap growth (moved here from libs/core's tabular.memory.spec, which
 * measured memory inside jest: 110 s of CI's suite on a loaded two-core machine). The suite
 * keeps the row-for-row check on a small file (tabular.stream.spec.ts). Exits 1 when a row
 * fails, a row is lost, or a limit is broken.
 */

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

// A collectable heap reading needs a GC first; node runs without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qingshou-tabular-bench-'));
  const path = join(dir, 'large.csv');
  try {
    await writeLargeCsv(path);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let retained = 0;
    let count = 0;
    let failed: MappedRow | undefined;
    let lastRow = 0;
    const started = performance.now();
    for await (const row of mapRows(readTabular({ path }), MAPPING)) {
      count += 1;
      if (!row.ok) failed ??= row;
      lastRow = row.rowNumber;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      if (count % 50_000 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
      }
    }
    const figures = {
      rows: count,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      loadAverage: +loadavg()[0].toFixed(2),
      peakHeapGrowthMb: +(peak / MB).toFixed(1),
      retainedHeapGrowthMb: +(retained / MB).toFixed(1),
    };
    const limits = {
      everyRowMapped: failed === undefined && count === ROWS && lastRow === ROWS + 1,
      peakUnder100Mb: peak < PEAK_GROWTH_LIMIT,
      retainedUnder24Mb: retained < RETAINED_GROWTH_LIMIT,
    };
    console.log(JSON.stringify({ figures, limits, firstFailedRow: failed }, null, 2));
    if (Object.values(limits).some((ok) => !ok)) {
      console.error('tabular-memory: a row or a memory limit failed');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
