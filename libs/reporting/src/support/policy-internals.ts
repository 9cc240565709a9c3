/**
 * The KPI building blocks of libs/policy that its public index does not export yet: the
 * parameter CTE, the account-state CTEs, pack conditions compiled to SQL and the pinned
 * pack reader. Reports reuse them rather than restating the SQL; one file names them so
 * the deep imports can become `@qingshou/policy` exports in one place.
 */
export {
  ACCOUNT_STATE_CTES,
  K_CTE,
  kParams,
  loanClassSql,
  pgTextArray,
} from '../../../policy/src/kpi/sql/account-state.sql';
export { conditionOptions } from '../../../policy/src/kpi/sql/select-subjects';
export { compileCondition, subjectsCte } from '../../../policy/src/kpi/sql/subject-condition.sql';
export {
  pinnedPack,
  tenantTimeZone,
  type PinnedPack,
} from '../../../policy/src/kpi/support/pinned-pack';
