/**
 * The KPI building blocks of libs/policy that its public index does not export yet: the
 * parameter CTE, the account-state CTEs, pack conditions compiled to SQL and the pinned
 * pack reader. Reports reuse them rather than restating the SQL; one file names them so
 * the deep imports can become `@qingshou/policy` exports in one place.
 */
export { ACCOUNT_STATE_CTES, K_CTE, kParams, loanClassSql, pgTextArray } from '@qingshou/outcomes';
export { conditionOptions } from '@qingshou/outcomes';
export { compileCondition, subjectsCte } from '@qingshou/outcomes';
export { pinnedPack, tenantTimeZone, type PinnedPack } from '@qingshou/outcomes';
