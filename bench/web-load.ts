import autocannon from 'autocannon';

/*
 * One load phase of the web benchmark (bench/web.bench.ts): autocannon's connections against
 * one URL, every response's own time kept, so p95 is a percentile of them all (autocannon's
 * own summary has none between p90 and p97.5).
 */

const ms = (n: number) => +n.toFixed(1);

export interface PhaseFigures {
  requests: number;
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

/** One phase against `url`; `next` gives each request's path and session cookie. */
export async function phase(
  url: string,
  connections: number,
  seconds: number,
  next?: Next,
): Promise<PhaseFigures> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
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
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: +(times.length / seconds).toFixed(1),
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    max: ms(times[times.length - 1] ?? 0),
    non2xx,
    errors: result.errors + result.timeouts,
  };
}
