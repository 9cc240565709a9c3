import { DynamicModule, Module, OnApplicationBootstrap, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import {
  AppConfig,
  AppConfigModule,
  logOutputOptions,
  PERSONAL_DATA_SAFE_SERIALIZERS,
  REDACTED_LOG_PATHS,
} from '@qingshou/core';
import { DbModule, RedisModule } from '@qingshou/db';
import { JobMetricsModule, JobsModule, OutboxRelay, QueuesModule } from '@qingshou/jobs';
import { TenancyModule } from '@qingshou/tenancy';
import { DomainEventsProcessor } from './processors/domain-events.processor';
import { ImportsWorkerModule } from './processors/imports.processor';
import { NoticesWorkerModule } from './processors/notices.processor';
import { SlaWorkerModule } from './processors/sla.processor';
import { RecordingsWorkerModule } from './processors/recordings.processor';
import { RunsWorkerModule } from './processors/runs.processor';
import { PolicyEventsWorkerModule } from './processors/policy-events.module';
import { SystemProcessor } from './processors/system.processor';

export interface WorkerModuleOptions {
  config?: AppConfig;
  queuePrefix?: string;
  /** Tests drive the relay by hand. */
  startRelay?: boolean;
  /** Extra providers, e.g. a test's event consumer. */
  extraProviders?: (Provider | Type)[];
}

class RelayStarter implements OnApplicationBootstrap {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) this.relay.start();
  }
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        LoggerModule.forRoot({
          pinoHttp: {
            // JSON in production; pretty and without Nest's boot lines on a terminal.
            ...logOutputOptions(),
            redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
            customProps: () => ({ service: 'worker' }),
            serializers: PERSONAL_DATA_SAFE_SERIALIZERS,
          },
        }),
        CqrsModule.forRoot(),
        DbModule,
        RedisModule,
        QueuesModule.forRoot(options.queuePrefix),
        JobsModule,
        JobMetricsModule,
        TenancyModule,
        ImportsWorkerModule,
        NoticesWorkerModule,
        SlaWorkerModule,
        RecordingsWorkerModule,
        RunsWorkerModule,
        PolicyEventsWorkerModule,
      ],
      providers: [
        SystemProcessor,
        DomainEventsProcessor,
        {
          provide: RelayStarter,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new RelayStarter(relay, options.startRelay ?? true),
        },
        ...(options.extraProviders ?? []),
      ],
    };
  }
}
