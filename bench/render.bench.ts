import { loadavg } from 'node:os';
import { measureRenderThroughput, renderThroughput } from './render-throughput';
import { runLikeData } from './run-like-data';

/*
 * `npm run bench -- --only render [--url postgres://…/db] [--runs 3]`: the daily run's
 * rendering measurement alone, without seeding and running a book. By default it renders
 * the run's most frequent letter (student-loan/collection-notice) with data shaped exactly
 * as the run's notice data and IssueNotices' tenant and notice fields; with --url it takes
 * the most frequent notice and its stored data from that database, like the daily run.
 * Each run is printed with the load average, then the median of the runs.
 */

const TEMPLATE = 'student-loan/collection-notice';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const url = option('--url');
  const runs = Number(option('--runs') ?? 3);
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const before = loadavg()[0];
    const figures = url
      ? await renderThroughput(url)
      : measureRenderThroughput(TEMPLATE, runLikeData());
    if (!figures.sameHtml) throw new Error(`${figures.template}: engine and bare HTML differ`);
    ratios.push(figures.engineToBare);
    console.log(
      `run ${run}: ${figures.template} (${figures.htmlBytes} B): engine ${figures.engine.perSecond}/s ` +
        `(${figures.engine.microsPerRender} µs), bare ${figures.bare.perSecond}/s ` +
        `(${figures.bare.microsPerRender} µs) → ${Math.round(figures.engineToBare * 100)}%; ` +
        `load ${before.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `median engine/bare: ${Math.round(sorted[Math.floor(sorted.length / 2)] * 100)}% (goal ≥ 80%)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
