import { DomainError } from '@qingshou/core';

/** A date, time, time zone, interval or count handed to the calendar is malformed. */
export class InvalidCalendarInputError extends DomainError {
  constructor(message: string) {
    super('calendar-invalid-input', message, 400);
  }
}

/**
 * A date before the PRC holiday data (chinese-days, 2004 on) or after 2099: its public holidays
 * are unknown. Raised rather than guessed: a wrong legal deadline is worse than a loud failure.
 * (Years after the data but before 2100 count the law's own holidays, marked provisional.)
 */
export class CalendarCoverageError extends DomainError {
  constructor(
    readonly year: number,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      'calendar-not-covered',
      `The PRC holiday calendar covers ${firstYear}-${lastYear}, not ${year}`,
    );
  }
}
