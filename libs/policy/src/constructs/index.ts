// One definition per pack construct: conditions (and metrics) with their arguments, facts,
// TypeScript form and SQL form side by side.
export * from './case-facts';
export * from './condition-definition';
export * from './conditions';
export * from './judge-condition';
export * from './compile-condition';
export * from './group-metric-key';
export * from './judge-helpers';
export { Unsafe } from './sql/sql-values';
export * from './sql/subject-row';
export * from './sql/loan-class.sql';
export * from './sql/event-dates.sql';
export * from './metrics';
export * from './sql/units.sql';
export * from './actions';
export * from './no-contact';
