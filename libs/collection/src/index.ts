export * from './collection.module';

export * from './domain/collection-command';
export * from './domain/cursor';
export * from './domain/disputes';
export * from './domain/effective-dpd';
export * from './domain/overdue-reasons';
export * from './domain/read-models';
export * from './domain/vocabulary';
export * from './entities';
// The visibility rule lives in @qingshou/core; re-exported for callers of this lib.
export {
  assertMayChangeCases,
  caseScopeOf,
  isCollectorOnly,
  visibleCasesSql,
  type CaseScopeOfViewer,
} from '@qingshou/core';

export * from './ports/approval-policy';
export * from './ports/assignment-policy';
export * from './ports/contact-policy';
export * from './ports/dispute-policy';
export * from './ports/overdue-reason-catalog';
export * from './ports/plan-rules';
export * from './ports/case-closing';
export * from './storage/file-storage';

export * from './open-case/open-case.command';
export * from './assign-case/assign-case.command';
export * from './auto-assign-cases/auto-assign-cases.command';
export * from './log-contact/log-contact.command';
export * from './record-promise/record-promise.command';
export * from './evaluate-promises/evaluate-promises.command';
export * from './propose-plan/propose-plan.command';
export { PLAN_APPROVAL_KIND } from './propose-plan/propose-plan.handler';
export * from './agree-plan/agree-plan.command';
export * from './record-signed-plan/record-signed-plan.command';
export * from './evaluate-plans/evaluate-plans.command';
export * from './domain/plan-split';
export * from './domain/plan-judgement';
export * from './pause-case/pause-case.command';
export * from './resume-case/resume-case.command';
export * from './request-approval/request-approval.command';
export * from './request-approval/waiver-limit';
export * from './decide-approval/decide-approval.command';
export * from './add-case-cost/add-case-cost.command';
export * from './record-legal-step/record-legal-step.command';
export * from './record-settlement-in-kind/record-settlement-in-kind.command';
export * from './blacklist-debtor/blacklist-debtor.command';
export * from './close-case/close-case.command';
export * from './create-task/create-task.command';
export * from './complete-task/complete-task.command';
export * from './complete-task/task-deliverables';
export * from './create-team/create-team.command';
export * from './add-team-member/add-team-member.command';
export * from './monitor-slas/monitor-slas.command';
export * from './monitor-slas/sla-tenants.query';
export * from './acknowledge-alert/acknowledge-alert.command';
export * from './raise-dispute/raise-dispute.command';
export * from './decide-dispute/decide-dispute.command';

export * from './get-worklist/get-worklist.query';
export * from './get-case/get-case.query';
export * from './search-cases/search-cases.query';
export * from './search-cases/case-pool';
export * from './list-debtor-cases/list-debtor-cases.query';
export * from './list-approvals/list-approvals.query';
export * from './list-alerts/list-alerts.query';
export * from './archive-recordings/archive-recordings.command';
export { RecordingsArchiveStore } from './archive-recordings/recordings-archive-store';

// Collection owns `cases` and `tasks`: other libs write them only through these set-based
// writers, inside their own transaction (test/architecture/table-owners.spec.ts checks).
export * from './writers/case-writers';
export * from './writers/open-cases';
export * from './writers/task-writers';
export * from './writers/repeating-tasks';
