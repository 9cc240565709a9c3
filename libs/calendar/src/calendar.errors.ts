import { DomainError } from '@qingshou/core';

/** A date, time, time zone, interval or count handed to the calendar is malformed. */
export class InvalidCalendarInputError extends DomainError {
  constructor(message: string) {
    super('calendar-invalid-input', message, 400);
  }
}

/**
 * The PRC holiday data (chinese-days) has no schedule for this year, so whether a weekday is
 * a public holiday, or a weekend a make-up working day (调休), is unknown. Raised rather than
 * guessed: a wrong legal deadline is worse than a loud failure. Fix by upgrading chinese-days
 * once the State Council publishes the year's arrangement, or by tenant overrides.
 */
export class CalendarCoverageError extends DomainError {
  constructor(
    readonly year: number,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      'calendar-not-covered',
      `The PRC holiday calendar covers ${firstYear}-${lastYear}, not ${year}; ` +
        'upgrade chinese-days once the year is published',
    );
  }
}
