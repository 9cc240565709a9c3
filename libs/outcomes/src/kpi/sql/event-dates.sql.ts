// The dated events live beside the conditions that count from them (daysSince).
export { DATED_EVENTS, eventDateSql, isDatedEvent, type EventScope } from '@qingshou/policy';
