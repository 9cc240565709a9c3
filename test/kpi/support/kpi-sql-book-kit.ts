/** The generated book's dice and calendar arithmetic (support/kpi-sql-book.ts). */

/** mulberry32: the same book on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DAY = 86_400_000;
export const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
export const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
export const plusDays = (date: string, days: number) => dateOf(dayNo(date) + days);
export const plusMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
/** A Beijing wall-clock instant on `date` at `minute` past midnight. */
export const at = (date: string, minute: number) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + minute * 60_000).toISOString();
