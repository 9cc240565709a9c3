// @qingshou/engine — the ladder, rules, gates, reminders, contact rules and the dry run: what a
// pinned pack does to a case. It reads the pack lib (@qingshou/policy) and the outcomes.
export * from './engine.module';
export * from './ports/engine-ports.module';
export * from './evaluate-cases/evaluate-cases.command';
export * from './get-stage-history/get-stage-history.query';
export * from './dry-run/dry-run-pack.query';
export * from './issue-case-notice/issue-case-notice.command';
export * from './preview-case-notice/preview-case-notice.query';
export type { CaseLetterRequest } from './case-notices/case-letter';
export * from './ports/pack-approval-policy';
export * from './ports/pack-template-source';
export * from './contact-rules/pack-contact-policy';
export * from './contact-rules/contact-window';
export { PinnedPacks, NoPackInstalledError } from './run/pinned-packs';
export * from './case-notices/letter-refusals';
export { EvaluationRunner } from './run/evaluation-runner';
export { planCase, stageIndexFor } from './domain/ladder';
export type { CasePlan, PlannedAction, StageMove } from './domain/ladder';
export type { CaseFacts } from './domain/case-facts';
export { PolicyEventsModule } from './rules/policy-events.module';
export { PackRulesConsumer, RULES_CONSUMER } from './rules/pack-rules.consumer';
export { NoticeGatesConsumer, GATES_CONSUMER } from './gates/notice-gates.consumer';
export type { GateDecision } from './gates/notice-gates.consumer';
export type { RulesFired } from './rules/rule-runner';
