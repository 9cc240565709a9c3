import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerModule } from '@qingshou/ledger';
import { DryRunPackHandler } from './dry-run/dry-run-pack.handler';
import { PackLoader, PackRegistry } from '@qingshou/policy';
import { EvaluateCasesHandler } from './evaluate-cases/evaluate-cases.handler';
import { GetStageHistoryHandler } from './get-stage-history/get-stage-history.handler';
import { CaseLetters } from './case-notices/case-letter';
import { IssueCaseNoticeHandler } from './issue-case-notice/issue-case-notice.handler';
import { PreviewCaseNoticeHandler } from './preview-case-notice/preview-case-notice.handler';
import { EnginePortsModule } from './ports/engine-ports.module';
import { CaseEvaluator } from './run/case-evaluator';
import { EvaluationRunner } from './run/evaluation-runner';
import { NoticeIssuer } from './run/notice-issuer';

/**
 * The engine: EvaluateCases, GetStageHistory, DryRunPack, and a person's letter of a case
 * (IssueCaseNotice, PreviewCaseNotice) on the same path as the engine's own notices. Notices are issued through the
 * CommandBus (IssueNotice), so the app must load NoticesModule — bound with
 * ENGINE_NOTICES_PORTS to render from the pinned snapshot; the CLI's PackCliModule does.
 * It does not import collection or notices itself: a static import here would be a second
 * instance beside the app's port-bound one.
 */
@Module({
  imports: [CqrsModule, LedgerModule, EnginePortsModule],
  providers: [
    PackRegistry,
    PackLoader,
    CaseEvaluator,
    EvaluationRunner,
    NoticeIssuer,
    EvaluateCasesHandler,
    GetStageHistoryHandler,
    DryRunPackHandler,
    CaseLetters,
    IssueCaseNoticeHandler,
    PreviewCaseNoticeHandler,
  ],
  exports: [EnginePortsModule, EvaluationRunner, NoticeIssuer],
})
export class EngineModule {}
