// @qingshou/outcomes — what a pack measures and rewards. Targets, metrics and snapshots (kpi/),
// incentives, ratings and flags (incentives/), drives (drives/).
export * from './outcomes.module';
export * from './kpi/metrics/metric-calculator';
export * from './kpi/metrics/periods';
export * from './kpi/targets/judge';
export * from './kpi/targets/evaluate-targets';
export * from './kpi/get-targets/get-targets.query';
export * from './kpi/get-assessment/get-assessment.query';
export * from './kpi/get-kpi-inputs/get-kpi-inputs.query';
export * from './kpi/snapshot-kpis/snapshot-kpis.command';
export * from './kpi/get-kpi-snapshots/get-kpi-snapshots.query';
export * from './incentives/relief/evaluate-incentive';
export * from './incentives/relief/incentive-rules';
export * from './incentives/get-incentive-effects/get-incentive-effects.query';
export type { ApprovalState } from './incentives/support/incentive-rows';
export * from './kpi/record-kpi-input/record-kpi-input.command';
export * from './incentives/ratings/rate-groups';
export * from './incentives/ratings/get-ratings/get-ratings.query';
export * from './incentives/ratings/recompute-ratings/recompute-ratings.command';
export * from './incentives/evaluate-flags/evaluate-flags.command';
export * from './incentives/get-sanctions/get-sanctions.query';
export * from './incentives/record-attribute/record-attribute.command';
export * from './drives/domain/phase-dates';
export * from './drives/launch-drive/launch-drive.command';
export * from './drives/get-drive-progress/get-drive-progress.query';
export {
  DASHBOARD_DRIVES,
  type DriveSnapshotCounts,
} from './drives/snapshot-drives/snapshot-drives';
export * from './drives/complete-drive-item/complete-drive-item.command';
export * from './drives/publish-drive-progress/publish-drive-progress.command';
export * from './drives/publish-due-drive-progress/publish-due-drive-progress.command';
export * from './drives/decide-publication/decide-publication.command';
export * from './drives/list-drive-publications/list-drive-publications.query';
export * from './drives/list-drive-items/list-drive-items.query';
// The building blocks the engine and reports share rather than restate: the pinned pack as
// outcomes read it, the account-state and parameter CTEs, pack conditions compiled to SQL,
// dated events and the incentive terms a notice prints.
export {
  pinnedPack,
  tenantTimeZone,
  resolveAsOf,
  type PinnedPack,
} from './kpi/support/pinned-pack';
export {
  ACCOUNT_STATE_CTES,
  K_CTE,
  kParams,
  loanClassSql,
  pgTextArray,
  type KpiScope,
} from './kpi/sql/account-state.sql';
export { conditionOptions } from './kpi/sql/select-subjects';
export {
  compileCondition,
  subjectsCte,
  type CompiledCondition,
  type ConditionOptions,
} from './kpi/sql/subject-condition.sql';
export { eventDateSql, type EventScope } from './kpi/sql/event-dates.sql';
export {
  noticeIncentives,
  type NoticeIncentive,
  type PricedAccount,
} from './incentives/get-incentive-effects/notice-incentives';
