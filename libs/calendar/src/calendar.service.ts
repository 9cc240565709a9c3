import { Injectable } from '@nestjs/common';
import { BusinessCalendar, BusinessCalendarOptions } from './business-calendar';
import { Clock } from './clock';
import { DEFAULT_TIME_ZONE, LocalDate } from './local-date';
import { localDateOf } from './time-zone';

/** Nest-facing entry: the injected clock read as business dates, and tenant calendars. */
@Injectable()
export class CalendarService {
  constructor(private readonly clock: Clock) {}

  now(): Date {
    return this.clock.now();
  }

  /** Today's business date in `timeZone`, by the injected clock. */
  today(timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
    return localDateOf(this.clock.now(), timeZone);
  }

  /** A tenant's calendar from its settings (overrides, working hours, time zone). */
  calendarFor(options: BusinessCalendarOptions = {}): BusinessCalendar {
    return new BusinessCalendar(options);
  }
}
