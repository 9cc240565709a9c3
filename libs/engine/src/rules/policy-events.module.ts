import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JobsModule } from '@qingshou/jobs';
import { LedgerModule } from '@qingshou/ledger';
import { EngineModule } from '../engine.module';
import { NoticeGatesConsumer } from '../gates/notice-gates.consumer';
import { PackRulesConsumer } from './pack-rules.consumer';
import { RuleRunner } from './rule-runner';

/**
 * The engine's consumers of committed domain events: pack rules and notice approval gates.
 * The worker imports this with `NoticesModule.withPorts(ENGINE_NOTICES_PORTS)` (the rules
 * and released holds issue notices through IssueNotice).
 */
@Module({
  imports: [CqrsModule, JobsModule, LedgerModule, EngineModule],
  providers: [RuleRunner, PackRulesConsumer, NoticeGatesConsumer],
  exports: [RuleRunner, PackRulesConsumer, NoticeGatesConsumer],
})
export class PolicyEventsModule {}
