export * from './business-calendar';
export * from './calendar.errors';
export * from './calendar.module';
export * from './calendar.service';
export * from './clock';
export * from './deadline';
export {
  DEFAULT_TIME_ZONE,
  type LocalDate,
  type LocalTime,
  addDays,
  assertLocalDate,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  isLocalDate,
} from './local-date';
export {
  type HolidayName,
  PRC_CALENDAR_COVERAGE,
  PRC_PUBLIC_CALENDAR,
  type PrcDay,
  type WorkingDayCalendar,
  isCoveredByPrcCalendar,
  isPrcWorkingDay,
  prcDay,
} from './prc-holidays';
export { assertTimeZone, instantOf, localDateOf, localTimeOf } from './time-zone';
export { DEFAULT_WORKING_HOURS, type WorkingInterval } from './working-hours';
