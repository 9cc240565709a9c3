import { addDays, Clock } from '@qingshou/calendar';

/**
 * Runs `work` with the application's clock reading `at`, as the tests freeze it with a
 * FixedClock, then gives the clock back. The demo logs a month of past work through the
 * real commands, and each command must judge its rules (the agency's 24-hour back-dating
 * limit, a task's 2 working hours) at the time the collector did it, not at seeding time.
 * The CLI binds SystemClock, a singleton every handler shares: its `now` is shadowed by an
 * own property for the duration, never replaced for good.
 */
export async function atInstant<T>(clock: Clock, at: Date, work: () => Promise<T>): Promise<T> {
  const instant = at.getTime();
  Object.defineProperty(clock, 'now', {
    value: () => new Date(instant),
    configurable: true,
    writable: true,
  });
  try {
    return await work();
  } finally {
    delete (clock as { now?: unknown }).now;
  }
}

const SLOT_MS = 10 * 60_000;

/**
 * The day's office-hour instants (09:00–20:50 local, every 10 minutes), before `until`:
 * when a collector calls. Noon in the zone anchors the day; the hour is read in the zone.
 */
export function daySlots(day: string, timeZone: string, until: Date): Date[] {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  // Local midnight's instant: UTC midnight shifted back by the zone's offset at noon.
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  const localNoonHour = Number(hourOf.format(new Date(noonUtc)));
  const start = noonUtc - localNoonHour * 3_600_000;
  const out: Date[] = [];
  for (let t = start + 9 * 3_600_000; t < start + 21 * 3_600_000; t += SLOT_MS) {
    if (t <= until.getTime() - 5 * 60_000) out.push(new Date(t));
  }
  return out;
}

/** The days from `from` to `to`, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
