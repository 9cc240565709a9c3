import { effectiveDpd } from './effective-dpd';

describe('effectiveDpd: paused days do not count toward escalation (issue 3)', () => {
  it('subtracts a 10-day pause inside the overdue window: 30 DPD → 20', () => {
    expect(effectiveDpd(30, [{ fromOn: '2026-03-11', untilOn: '2026-03-20' }], '2026-03-31')).toBe(
      20,
    );
  });

  it('leaves DPD alone without pauses', () => {
    expect(effectiveDpd(45, [], '2026-03-31')).toBe(45);
  });

  it('counts only the part of a pause after the first overdue day: 5 DPD, pause over the last 7 days → 0', () => {
    expect(effectiveDpd(5, [{ fromOn: '2026-03-25', untilOn: '2026-04-10' }], '2026-03-31')).toBe(
      0,
    );
  });

  it('ignores pause days before the account fell overdue: 10 DPD, pause 03-01…03-25 overlaps 03-22…03-25 → 6', () => {
    expect(effectiveDpd(10, [{ fromOn: '2026-03-01', untilOn: '2026-03-25' }], '2026-03-31')).toBe(
      6,
    );
  });

  it('does not count days after asOf: a pause still running to 04-30 counts to 03-31 only', () => {
    expect(effectiveDpd(30, [{ fromOn: '2026-03-22', untilOn: '2026-04-30' }], '2026-03-31')).toBe(
      20,
    );
  });

  it('stops counting on the day the case was resumed early: pause 03-11…03-30 ended 03-16 → 5 days', () => {
    expect(
      effectiveDpd(
        30,
        [{ fromOn: '2026-03-11', untilOn: '2026-03-30', endedOn: '2026-03-16' }],
        '2026-03-31',
      ),
    ).toBe(25);
  });

  it('counts a day covered by two overlapping pauses once: 03-11…03-20 and 03-15…03-24 → 14 days', () => {
    const pauses = [
      { fromOn: '2026-03-15', untilOn: '2026-03-24' },
      { fromOn: '2026-03-11', untilOn: '2026-03-20' },
    ];
    expect(effectiveDpd(30, pauses, '2026-03-31')).toBe(16);
  });

  it('a pause resumed the day it started counts nothing', () => {
    expect(
      effectiveDpd(
        30,
        [{ fromOn: '2026-03-11', untilOn: '2026-03-20', endedOn: '2026-03-11' }],
        '2026-03-31',
      ),
    ).toBe(30);
  });

  it('crosses a month end: pause 2026-02-25…2026-03-06 is 10 days (February has 28)', () => {
    expect(effectiveDpd(60, [{ fromOn: '2026-02-25', untilOn: '2026-03-06' }], '2026-03-31')).toBe(
      50,
    );
  });

  it('refuses a negative or fractional DPD', () => {
    expect(() => effectiveDpd(-1, [], '2026-03-31')).toThrow(RangeError);
    expect(() => effectiveDpd(1.5, [], '2026-03-31')).toThrow(RangeError);
  });
});
