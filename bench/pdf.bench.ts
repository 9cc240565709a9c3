import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAppConfig } from '../libs/core/src';
import { loadSharedTemplates, NoticeTemplateEngine } from '../libs/notices/src';
import { NoticePdfCache } from '../libs/notices/src/pdf/notice-pdf-cache';
import { PdfBrowserPool } from '../libs/notices/src/pdf/pdf-browser-pool';
import { runLikeData } from './run-like-data';

/*
 * `npm run bench -- --only pdf [--requests 20] [--concurrency 2]`: 20 letters downloaded at
 * once, the way GET /notices/{id}/pdf serves them (RenderNoticePdfHandler's path after the
 * permission check: the cache, then the pooled Chromium behind its page cap, then the cache
 * write). First 20 fresh notices (each printed), then the same 20 again (served from the
 * cache). Prints p50/p99 per request, the Chromium launches and this process's peak RSS
 * (Chromium's own processes are not in it). Letters: student-loan/collection-notice with
 * distinct debtors, so each has its own HTML.
 */

const ROOT = resolve(__dirname, '../..');
const TEMPLATE = 'student-loan/collection-notice';
const TENANT = '00000000-0000-4000-8000-000000000001';

function option(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

function letters(count: number): string[] {
  const engine = new NoticeTemplateEngine(loadSharedTemplates(resolve(ROOT, 'templates')));
  const [pack, name] = TEMPLATE.split('/');
  const source = readFileSync(resolve(ROOT, 'policies', pack, 'templates', `${name}.hbs`), 'utf8');
  const template = engine.compile(TEMPLATE, source);
  return Array.from({ length: count }, (_, i) => {
    const data = runLikeData() as { debtor: { name: string } };
    data.debtor.name = `王晓东${i + 1}`;
    return engine.render(template, data).html;
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const requests = option('--requests', 20);
  const concurrency = option('--concurrency', 2);
  const storage = mkdtempSync(join(tmpdir(), 'qs-bench-pdf-'));
  const config = loadAppConfig({
    ...process.env,
    STORAGE_DIR: storage,
    PDF_CONCURRENCY: String(concurrency),
  });
  const pool = new PdfBrowserPool(config);
  const cache = new NoticePdfCache(config);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const htmls = letters(requests);
  const ids = htmls.map((_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

  // RenderNoticePdfHandler.cachedOrPrinted, without the database read before it.
  const serve = async (i: number) => {
    const started = process.hrtime.bigint();
    const version = NoticePdfCache.versionOf(htmls[i]);
    let pdf = await cache.get(TENANT, ids[i], version);
    if (!pdf) {
      pdf = await pool.print(htmls[i]);
      await cache.put(TENANT, ids[i], version, pdf);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  try {
    for (const round of ['fresh', 'cached']) {
      const load = loadavg()[0];
      const started = Date.now();
      const ms = (await Promise.all(htmls.map((_, i) => serve(i)))).sort((a, b) => a - b);
      console.log(
        `${round}: ${requests} concurrent PDFs (cap ${concurrency}) in ${Date.now() - started} ms; ` +
          `p50 ${Math.round(percentile(ms, 50))} ms, p99 ${Math.round(percentile(ms, 99))} ms; ` +
          `renders ${pool.stats.renders}, launches ${pool.stats.launches}, peak printing ` +
          `${pool.stats.peakPrinting}; load ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
      );
    }
  } finally {
    clearInterval(sampler);
    await pool.onApplicationShutdown();
    rmSync(storage, { recursive: true, force: true });
  }
  console.log(`peak RSS (node process) ${Math.round(peakRss / 1024 / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
