import { InvalidCalendarInputError } from './calendar.errors';
import { assertTimeZone, instantOf, localDateOf, localTimeOf } from './time-zone';

describe('time zones', () => {
  it('reads an instant as a Shanghai business date and time by default', () => {
    // 2026-02-13T16:30:00Z is 2026-02-14 00:30 in Shanghai (UTC+8).
    const instant = new Date('2026-02-13T16:30:00Z');
    expect(localDateOf(instant)).toBe('2026-02-14');
    expect(localTimeOf(instant)).toBe('00:30');
    expect(localDateOf(instant, 'UTC')).toBe('2026-02-13');
    expect(localTimeOf(instant, 'UTC')).toBe('16:30');
  });

  it('turns a Shanghai date and time into an instant', () => {
    expect(instantOf('2026-02-13', '16:30').toISOString()).toBe('2026-02-13T08:30:00.000Z');
    expect(instantOf('2026-02-14', '00:00').toISOString()).toBe('2026-02-13T16:00:00.000Z');
    expect(instantOf('2026-02-14', '09:00', 'Asia/Urumqi').toISOString()).toBe(
      '2026-02-14T03:00:00.000Z',
    );
  });

  it('round-trips every quarter hour of a Shanghai day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = instantOf('2026-10-01', time);
      expect([localDateOf(instant), localTimeOf(instant)]).toEqual(['2026-10-01', time]);
    }
  });

  it('handles DST zones: a skipped time moves forward, a repeated time takes the earlier', () => {
    // New York 2026-03-08: 02:00 EST -> 03:00 EDT; 2026-11-01: 02:00 EDT -> 01:00 EST.
    expect(instantOf('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(instantOf('2026-03-08', '03:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(instantOf('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(instantOf('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
  });

  it('rejects unknown zones, bad times and invalid instants', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(InvalidCalendarInputError);
    expect(() => instantOf('2026-02-14', '25:00')).toThrow(InvalidCalendarInputError);
    expect(() => localDateOf(new Date('nonsense'))).toThrow(InvalidCalendarInputError);
    expect(assertTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
  });

  it('reads the wall clock as Intl does at every minute of DST days and odd offsets (the quarter-hour offset cache)', () => {
    const zones = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Shanghai'];
    // Each zone's 2026 transition days and an ordinary one, minute by minute, with seconds.
    const days = ['2026-03-08', '2026-04-05', '2026-10-04', '2026-11-01', '2026-07-15'];
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      for (const day of days) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let ms = start; ms < start + 3 * 86_400_000; ms += 60_000 + 7_001) {
          const at = new Date(ms);
          const [date, time] = intl.format(at).split(' ');
          expect(`${localDateOf(at, timeZone)} ${localTimeOf(at, timeZone)}`).toBe(
            `${date} ${time}`,
          );
        }
      }
    }
  });
});
