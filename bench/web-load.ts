import autocannon from 'autocannon';

/*
 * One load phase of the web benchmark (bench/web.bench.ts): autocannon's connections against
 * one URL, every response's own time kept, so p95 is a percentile of them all (autocannon's
 * own summary has none between p90 and p97.5).
 */

const ms = (n: number) => +n.toFixed(1);

export interface PhaseFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type Next = () => { path: string; cookie: string };

/** A request not answered in this many seconds counts as an error, and as this long. */
const TIMEOUT_S = 30;

/**
 * One phase against `url`; `next` gives each request's path and session cookie. `size`:
 * `{ seconds }` (a warm-up) or `{ amount }` — a measured phase waits for every request it
 * sent, so the slowest answers are not cut off at the end and lost from the percentiles.
 */
export async function phase(
  url: string,
  connections: number,
  size: { seconds: number } | { amount: number },
  next?: Next,
): Promise<PhaseFigures> {
  const times: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections,
        ...('amount' in size ? { amount: size.amount } : { duration: size.seconds }),
        timeout: TIMEOUT_S,
        ...(next
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => {
                    const { path, cookie } = next();
                    return { ...request, path, headers: { ...request.headers, cookie } };
                  },
                },
              ],
            }
          : {}),
      },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      times.push(time);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  for (let i = 0; i < result.timeouts; i++) times.push(TIMEOUT_S * 1000);
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds: +seconds.toFixed(1),
    perSecond: +((times.length - result.timeouts) / seconds).toFixed(1),
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    max: ms(times[times.length - 1] ?? 0),
    non2xx,
    errors: result.errors + result.timeouts,
  };
}
