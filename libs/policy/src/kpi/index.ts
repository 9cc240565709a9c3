// Targets, metrics and snapshots (kpi/), incentives, ratings and flags (incentives/), drives
// (drives/): the public surface, re-exported by the lib's index in one line.
export * from './outcomes.module';
export * from './metrics/metric-calculator';
export * from './metrics/periods';
export * from './targets/judge';
export * from './targets/evaluate-targets';
export * from './get-targets/get-targets.query';
export * from './snapshot-kpis/snapshot-kpis.command';
export * from './get-kpi-snapshots/get-kpi-snapshots.query';
export * from '../incentives/relief/evaluate-incentive';
export * from '../incentives/relief/incentive-rules';
export * from '../incentives/get-incentive-effects/get-incentive-effects.query';
export type { ApprovalState } from '../incentives/support/incentive-rows';
export * from './record-kpi-input/record-kpi-input.command';
export * from '../incentives/ratings/rate-groups';
export * from '../incentives/ratings/get-ratings/get-ratings.query';
export * from '../incentives/ratings/recompute-ratings/recompute-ratings.command';
export * from '../incentives/evaluate-flags/evaluate-flags.command';
export * from '../incentives/get-sanctions/get-sanctions.query';
export * from '../incentives/record-attribute/record-attribute.command';
export * from '../drives/domain/phase-dates';
export * from '../drives/launch-drive/launch-drive.command';
export * from '../drives/get-drive-progress/get-drive-progress.query';
export * from '../drives/complete-drive-item/complete-drive-item.command';
export * from '../drives/publish-drive-progress/publish-drive-progress.command';
export * from '../drives/decide-publication/decide-publication.command';
export * from '../drives/list-drive-publications/list-drive-publications.query';
export * from '../drives/list-drive-items/list-drive-items.query';
