import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { CollectionModule } from '@qingshou/collection';
import { ConsumedEvents } from '@qingshou/jobs';
import { LedgerModule } from '@qingshou/ledger';
import { NoticesModule } from '@qingshou/notices';
import { ENGINE_COLLECTION_PORTS, ENGINE_NOTICES_PORTS, EngineModule } from '@qingshou/engine';
import { OutcomesModule } from '@qingshou/outcomes';
import { PolicyModule } from '@qingshou/policy';
import { RUN_STEPS, type RunStep } from './domain/run-step';
import { ExecuteRunHandler } from './execute-run/execute-run.handler';
import { ExecuteRunChunkHandler } from './execute-run-chunk/execute-run-chunk.handler';
import { BullRunChunkQueue, RunChunkQueue } from './execute-run-chunk/run-chunk-queue';
import { RunChunks } from './execute-run-chunk/run-chunks';
import { RunStore } from './execute-run/run-store';
import { GetRunHandler } from './get-run/get-run.handler';
import { ListRunsHandler } from './list-runs/list-runs.handler';
import { PaymentEventsHandler } from './reevaluate-after-payment/payment-events.handler';
import { ReevaluateAfterPaymentHandler } from './reevaluate-after-payment/reevaluate-after-payment.handler';
import { RequestRunHandler } from './request-run/request-run.handler';
import { BullRunQueue, RunQueue } from './request-run/run-queue';
import { ResumeRunsHandler } from './resume-runs/resume-runs.handler';
import { StartScheduledRunHandler } from './start-scheduled-run/start-scheduled-run.handler';
import { EvaluateCasesStep } from './steps/evaluate-cases.step';
import { EvaluatePlansStep } from './steps/evaluate-plans.step';
import { EvaluatePromisesStep } from './steps/evaluate-promises.step';
import { OpenCasesStep } from './steps/open-cases.step';
import { EvaluateFlagsStep, RecomputeRatingsStep, SnapshotKpisStep } from './steps/outcome-steps';
import { RecomputeBalancesStep } from './steps/recompute-balances.step';
import { SyncRunSchedulesHandler } from './sync-run-schedules/sync-run-schedules.handler';

/** The daily run's built-in steps, in order: ledger first, then cases, then outcomes. */
export const BUILT_IN_STEPS: readonly Type<RunStep>[] = [
  RecomputeBalancesStep,
  OpenCasesStep,
  EvaluatePromisesStep,
  EvaluatePlansStep,
  EvaluateCasesStep,
  EvaluateFlagsStep,
  RecomputeRatingsStep,
  SnapshotKpisStep,
];

export interface OperationsOptions {
  /** Bind the BullMQ producer (RunQueue) and the scheduler commands: API and worker. */
  readonly queue?: boolean;
  /** Consume relayed payment events (PaymentRecorded/Reversed): the worker only. */
  readonly consumeEvents?: boolean;
  /**
   * Fan the run's case chunks out over every worker process (RunChunkQueue bound, the
   * `run-chunks` queue): the worker only, where a processor takes them.
   */
  readonly fanOut?: boolean;
  /**
   * Steps after the built-in ones (SLA monitor, notice dispatch, drive publication, reports,
   * retention), each a RunStep provider; their own modules go in `imports`.
   */
  readonly extraSteps?: readonly Type<RunStep>[];
  readonly imports?: DynamicModule['imports'];
}

function stepsProvider(extra: readonly Type<RunStep>[]): Provider {
  const all = [...BUILT_IN_STEPS, ...extra];
  return { provide: RUN_STEPS, inject: all, useFactory: (...steps: RunStep[]) => steps };
}

/**
 * The daily run (issue 6): the runs table, its ordered steps, the executor and the edges'
 * commands. Imported as is (the CLI) it executes runs in-process; `register({ queue: true })`
 * adds the BullMQ producer and schedulers (API, worker).
 */
@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    LedgerModule,
    PolicyModule,
    OutcomesModule,
    EngineModule,
    // The engine issues notices from the pinned pack and EvaluatePromises is collection's.
    CollectionModule.withPorts(ENGINE_COLLECTION_PORTS),
    NoticesModule.withPorts(ENGINE_NOTICES_PORTS),
  ],
  providers: [
    ...BUILT_IN_STEPS,
    stepsProvider([]),
    RunStore,
    RunChunks,
    RequestRunHandler,
    ExecuteRunHandler,
    ExecuteRunChunkHandler,
    GetRunHandler,
    ListRunsHandler,
  ],
})
export class OperationsModule {
  static register(options: OperationsOptions = {}): DynamicModule {
    const extra = options.extraSteps ?? [];
    return {
      module: OperationsModule,
      imports: [...(options.imports ?? [])],
      providers: [
        ...extra,
        stepsProvider(extra),
        ...(options.queue
          ? [
              { provide: RunQueue, useClass: BullRunQueue },
              SyncRunSchedulesHandler,
              StartScheduledRunHandler,
              ResumeRunsHandler,
            ]
          : []),
        ...(options.fanOut ? [{ provide: RunChunkQueue, useClass: BullRunChunkQueue }] : []),
        ...(options.consumeEvents
          ? [ConsumedEvents, ReevaluateAfterPaymentHandler, PaymentEventsHandler]
          : []),
      ],
      exports: options.consumeEvents ? [PaymentEventsHandler] : [],
    };
  }
}
