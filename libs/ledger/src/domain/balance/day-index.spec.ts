import { compareDates, daysBetween, LocalDateError } from '../local-date';
import { dayCompare, dayDiff } from './day-index';

describe('day-index answers what local-date answers', () => {
  const dates = [
    '2024-02-28',
    '2024-02-29',
    '2024-03-01',
    '2026-11-20',
    '0099-12-31',
    '2026-12-31',
  ];

  it('daysBetween and compareDates for every pair, asked twice (the second from memory)', () => {
    for (let round = 0; round < 2; round++) {
      for (const a of dates) {
        for (const b of dates) {
          expect([a, b, dayDiff(a, b)]).toEqual([a, b, daysBetween(a, b)]);
          expect([a, b, Math.sign(dayCompare(a, b))]).toEqual([
            a,
            b,
            Math.sign(compareDates(a, b)),
          ]);
        }
      }
    }
  });

  it('a malformed or impossible date throws the same LocalDateError every time', () => {
    for (const bad of ['2026-02-30', '2026-2-3', 'x']) {
      for (let round = 0; round < 2; round++) {
        expect(() => dayDiff('2026-01-01', bad)).toThrow(LocalDateError);
        expect(() => dayDiff('2026-01-01', bad)).toThrow(
          (() => {
            try {
              daysBetween('2026-01-01', bad);
            } catch (error) {
              return (error as Error).message;
            }
            return 'no error';
          })(),
        );
      }
    }
  });
});
