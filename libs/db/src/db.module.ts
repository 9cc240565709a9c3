import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import { AuditChainVerifier } from './event-log/audit-chain-verifier';
import { EventLog } from './event-log/event-log';
import { ormOptions } from './orm-options';
import { TenantTx } from './tenant/tenant-tx';

/** The application's database: the app role, RLS on, entities from each lib's forFeature. */
@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...ormOptions(config.appDatabaseUrl),
        autoLoadEntities: true,
        registerRequestContext: false,
        // Connect on first query: the CLI's migrate must run before the app role exists.
        connect: false,
      }),
    }),
  ],
  providers: [TenantTx, EventLog, AuditChainVerifier],
  exports: [TenantTx, EventLog, AuditChainVerifier],
})
export class DbModule {}
