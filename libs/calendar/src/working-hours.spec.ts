import { InvalidCalendarInputError } from './calendar.errors';
import { DEFAULT_WORKING_HOURS, toWorkingMinutes } from './working-hours';

describe('working hours', () => {
  it('defaults to 09:00-12:00 and 13:30-17:30', () => {
    expect(toWorkingMinutes(DEFAULT_WORKING_HOURS)).toEqual([
      { start: 540, end: 720 },
      { start: 810, end: 1050 },
    ]);
  });

  it("accepts '24:00' as the end of the day and touching intervals", () => {
    expect(
      toWorkingMinutes([
        { start: '00:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ]),
    ).toEqual([
      { start: 0, end: 720 },
      { start: 720, end: 1440 },
    ]);
  });

  it('rejects empty, backwards, overlapping and unordered intervals', () => {
    const bad = [
      [],
      [{ start: '12:00', end: '09:00' }],
      [{ start: '09:00', end: '09:00' }],
      [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      [
        { start: '13:30', end: '17:30' },
        { start: '09:00', end: '12:00' },
      ],
    ];
    for (const intervals of bad) {
      expect(() => toWorkingMinutes(intervals)).toThrow(InvalidCalendarInputError);
    }
  });
});
