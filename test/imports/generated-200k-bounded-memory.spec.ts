import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeAccountsCsv } from '../../bench/accounts-csv';
import { ImportKit, startImportKit } from './support/import-kit';

const ROWS = 200_000;
const MB = 2 ** 20;

// A collectable heap reading needs a GC first; jest runs without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('a 200,000-row file streams through with bounded memory', () => {
  let kit: ImportKit;
  const file = resolve(tmpdir(), `qs-import-200k-${process.pid}.csv`);
  beforeAll(async () => {
    kit = await startImportKit('big-file');
    // One-year terms keep the ledger's date arithmetic (slow under jest's VM) to 12 calls a row.
    await writeAccountsCsv(file, { rows: ROWS, bom: true, terms: [12] });
  });
  afterAll(async () => {
    await rm(file, { force: true });
    await kit.close();
  });

  it('imports 200,000 accounts in 4 chunks; live heap after each chunk stays flat and RSS grows < 200 MB', async () => {
    gc();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const liveHeapAfterChunk: number[] = [];
    const view = await kit
      .importFile(file, 'accounts', 'accounts', {
        onProgress: (p) => {
          if (p.phase !== 'committed') return;
          gc();
          liveHeapAfterChunk.push(process.memoryUsage().heapUsed);
        },
      })
      .finally(() => clearInterval(sampler));

    expect(view).toMatchObject({ status: 'succeeded', rowsTotal: ROWS, rowsOk: ROWS });
    // Every fifth account is a second loan of the row before's debtor.
    expect(view.counts).toMatchObject({ accountsCreated: ROWS, debtorsCreated: 160_000 });
    expect(await kit.count('installments')).toBe(ROWS);
    expect(liveHeapAfterChunk).toHaveLength(4);
    // Holding the file (or its rows) would grow the heap by ~40 MB per chunk; streaming
    // keeps what survives a GC within a chunk's working set, whatever the file size.
    const [first, ...rest] = liveHeapAfterChunk;
    expect((Math.max(...rest) - first) / MB).toBeLessThan(16);
    expect((Math.max(...liveHeapAfterChunk) - base.heapUsed) / MB).toBeLessThan(64);
    expect((peakRss - base.rss) / MB).toBeLessThan(200);
  }, 300_000);
});
