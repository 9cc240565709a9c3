import { CommandBus } from '@nestjs/cqrs';
import { AppConfig, ValidationFailedError } from '@qingshou/core';
import { CreatedTenant, CreateTenant, TENANT_KINDS } from '@qingshou/tenancy';
import type { TenantKind } from '@qingshou/tenancy';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { operatorMeta } from './platform-actor';

interface TenantCreateOptions {
  slug: string;
  name: string;
  kind: string;
  timeZone?: string;
  adminUsername?: string;
  adminPassword?: string;
}

@SubCommand({ name: 'create', description: 'Create a tenant (platform-admin path, audited)' })
export class TenantCreateCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: TenantCreateOptions): Promise<void> {
    if (
      !(TENANT_KINDS as readonly string[]).includes(options.kind) ||
      options.kind === 'platform'
    ) {
      throw new ValidationFailedError('Bad --kind', [
        {
          path: '--kind',
          reason: `must be one of ${TENANT_KINDS.filter((k) => k !== 'platform').join(', ')}`,
        },
      ]);
    }
    const admin =
      options.adminUsername && options.adminPassword
        ? {
            username: options.adminUsername,
            password: options.adminPassword,
            displayName: '管理员',
          }
        : undefined;
    const created: CreatedTenant = await this.commands.execute(
      new CreateTenant(
        operatorMeta(),
        options.slug,
        options.name,
        options.kind as TenantKind,
        options.timeZone ?? this.config.DEFAULT_TIME_ZONE,
        admin,
      ),
    );
    console.log(`Created tenant ${created.slug} (${created.id})`);
  }

  @Option({ flags: '--slug <slug>', required: true })
  parseSlug(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--kind <kind>', required: true, description: TENANT_KINDS.join('|') })
  parseKind(value: string): string {
    return value;
  }

  @Option({ flags: '--time-zone <tz>' })
  parseTimeZone(value: string): string {
    return value;
  }

  @Option({ flags: '--admin-username <username>' })
  parseAdminUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--admin-password <password>' })
  parseAdminPassword(value: string): string {
    return value;
  }
}

@Command({
  name: 'tenant',
  description: 'Tenant administration',
  subCommands: [TenantCreateCommand],
})
export class TenantCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
