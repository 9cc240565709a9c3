import { CommandBus } from '@nestjs/cqrs';
import { isRole, ValidationFailedError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CreateUser } from '@qingshou/tenancy';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { operatorMeta } from './platform-actor';
import { tenantIdBySlug } from './tenant-lookup';

interface UserCreateOptions {
  tenant: string;
  username: string;
  password: string;
  roles: string;
  displayName?: string;
}

@SubCommand({ name: 'create', description: 'Create a user in a tenant' })
export class UserCreateCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  async run(_: string[], options: UserCreateOptions): Promise<void> {
    const roles = options.roles.split(',').map((r) => r.trim());
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) {
      throw new ValidationFailedError('Bad --roles', [
        { path: '--roles', reason: `unknown role(s): ${bad.join(', ')}` },
      ]);
    }
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const { id } = await this.commands.execute(
      new CreateUser(
        operatorMeta(tenantId),
        options.username,
        options.displayName ?? options.username,
        options.password,
        roles.filter(isRole),
      ),
    );
    console.log(`Created user ${options.username} (${id}) in ${options.tenant}`);
  }

  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({ flags: '--username <username>', required: true })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--roles <roles>', required: true, description: 'comma-separated' })
  parseRoles(value: string): string {
    return value;
  }

  @Option({ flags: '--display-name <name>' })
  parseDisplayName(value: string): string {
    return value;
  }
}

@Command({ name: 'user', description: 'User administration', subCommands: [UserCreateCommand] })
export class UserCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
