import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerModule } from '@qingshou/ledger';
import { DryRunPackHandler } from '../dry-run/dry-run-pack.handler';
import { PackLoader } from '../loader/pack-loader';
import { PackRegistry } from '../loader/pack-registry';
import { EvaluateCasesHandler } from './evaluate-cases/evaluate-cases.handler';
import { GetStageHistoryHandler } from './get-stage-history/get-stage-history.handler';
import { EnginePortsModule } from './ports/engine-ports.module';
import { CaseEvaluator } from './run/case-evaluator';
import { EvaluationRunner } from './run/evaluation-runner';
import { NoticeIssuer } from './run/notice-issuer';

/**
 * The engine: EvaluateCases, GetStageHistory, DryRunPack. Notices are issued through the
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
  ],
  exports: [EnginePortsModule, EvaluationRunner, NoticeIssuer],
})
export class EngineModule {}
