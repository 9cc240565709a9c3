import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfigModule } from '@qingshou/core';
import { DbModule, RedisModule } from '@qingshou/db';
import { TenancyModule } from '@qingshou/tenancy';
import { AuditCommand, AuditVerifyCommand } from './commands/audit.command';
import { BackupCommand, RestoreCommand } from './commands/backup.command';
import { DemoCommand } from './commands/demo.command';
import { MigrateCommand } from './commands/migrate.command';
import { TenantCommand, TenantCreateCommand } from './commands/tenant.command';
import { UserCommand, UserCreateCommand } from './commands/user.command';
import { ImportCliModule } from './commands/import.command';
import { PackCliModule } from './commands/pack.command';
import { RunCliModule } from './commands/run.command';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    CqrsModule.forRoot(),
    DbModule,
    RedisModule,
    TenancyModule,
    PackCliModule,
    ImportCliModule,
    RunCliModule,
  ],
  providers: [
    MigrateCommand,
    TenantCommand,
    TenantCreateCommand,
    UserCommand,
    UserCreateCommand,
    AuditCommand,
    AuditVerifyCommand,
    DemoCommand,
    BackupCommand,
    RestoreCommand,
  ],
})
export class CliModule {}
