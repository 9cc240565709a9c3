import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, AppConfigModule } from '@qingshou/core';
import { DbModule, RedisModule } from '@qingshou/db';
import { QueuesModule } from '@qingshou/jobs';
import { TenancyModule } from '@qingshou/tenancy';
import { AlertsApiModule } from './alerts/alerts-api.module';
import { BackupsApiModule } from './backups/backups-api.module';
import { AccessGuard } from './auth/access.guard';
import { CollectionApiModule } from './collection/collection-api.module';
import { ConsoleModule } from './console/console.module';
import { HealthController } from './health/health.controller';
import { HttpLoggerModule } from './http/logger.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { QueueBoardModules } from './http/queue-board.module';
import { IdentityController } from './identity/identity.controller';
import { ImportsApiModule } from './imports/imports-api.module';
import { LedgerApiModule } from './ledger/ledger-api.module';
import { NoticesApiModule } from './notices/notices-api.module';
import { OperationsApiModule } from './operations/operations-api.module';
import { TenantsController } from './platform/tenants.controller';
import { PolicyApiModule } from './policy/policy-api.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { MetricsModule } from './metrics/metrics.module';
import { SelfServiceModule } from './self-service/self-service.module';

export interface ApiModuleOptions {
  /** Tests pass their own database and Redis; production reads the environment. */
  config?: AppConfig;
  queuePrefix?: string;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        HttpLoggerModule,
        CqrsModule.forRoot(),
        DbModule,
        RedisModule,
        QueuesModule.forRoot(options.queuePrefix),
        TerminusModule,
        TenancyModule,
        LedgerApiModule,
        NoticesApiModule,
        CollectionApiModule,
        AlertsApiModule,
        BackupsApiModule,
        PolicyApiModule,
        ImportsApiModule,
        OperationsApiModule,
        ReportsApiModule,
        MetricsModule,
        ...QueueBoardModules,
        ConsoleModule,
        SelfServiceModule,
      ],
      controllers: [IdentityController, TenantsController, HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
