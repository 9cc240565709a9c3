import { CommandBus } from '@nestjs/cqrs';
import { TenantTx, PLATFORM_TENANT_ID } from '@qingshou/db';
import { CreateTenant, CreateUser } from '@qingshou/tenancy';
import { CalendarService, addDays } from '@qingshou/calendar';
import { ConflictError } from '@qingshou/core';
import { InstallPack } from '@qingshou/policy';
import { Command, CommandRunner } from 'nest-commander';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_TENANTS } from '../demo/demo-tenants';
import { operatorMeta } from './platform-actor';

const CREDENTIALS_FILE = resolve('.qingshou', 'demo-credentials.txt');

/**
 * Creates the platform admin and one demo tenant per seed work plan, with a user for each
 * role. Passwords are generated, printed once, and kept in a git-ignored file. Re-running
 * creates only what is missing.
 */
@Command({ name: 'demo', description: 'Create the demo tenants and their users (idempotent)' })
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
  ) {
    super();
  }

  async run(): Promise<void> {
    mkdirSync(resolve('.qingshou'), { recursive: true });
    const created: string[] = [];
    if (!(await this.userExists(PLATFORM_TENANT_ID, 'root'))) {
      const password = this.password();
      await this.commands.execute(
        new CreateUser(operatorMeta(), 'root', '平台管理员', password, ['platform-admin']),
      );
      created.push(`platform          root                 ${password}   platform-admin`);
    }
    for (const tenant of DEMO_TENANTS) {
      let tenantId = await this.tenantId(tenant.slug);
      if (!tenantId) {
        const result = await this.commands.execute(
          new CreateTenant(operatorMeta(), tenant.slug, tenant.name, tenant.kind, 'Asia/Shanghai'),
        );
        tenantId = result.id as string;
      }
      await this.installPack(tenantId, tenant.slug, tenant.pack);
      for (const user of tenant.users) {
        if (await this.userExists(tenantId, user.username)) continue;
        const password = this.password();
        await this.commands.execute(
          new CreateUser(
            operatorMeta(tenantId),
            user.username,
            user.displayName,
            password,
            user.roles,
          ),
        );
        created.push(
          `${tenant.slug.padEnd(18)}${user.username.padEnd(21)}${password}   ${user.roles.join(',')}`,
        );
      }
    }
    if (created.length === 0) {
      console.log(`Demo tenants are ready; their passwords are in ${CREDENTIALS_FILE}`);
      return;
    }
    const text = [
      'tenant            username             password           roles',
      ...created,
    ].join('\n');
    appendFileSync(CREDENTIALS_FILE, text + '\n', { mode: 0o600 });
    console.log(`Demo users created (also saved to ${CREDENTIALS_FILE}):\n${text}`);
  }

  /** Pins the tenant's pack at its current version; an active one is left as it is. */
  private async installPack(tenantId: string, slug: string, pack: string): Promise<void> {
    const today = this.calendar.today();
    // The co-op drive runs from the first of this month; the amnesty ends 45 days later.
    const launchDate = `${today.slice(0, 7)}-01`;
    const params =
      pack === 'credit-coop-npl-drive' ? { launchDate, amnestyDate: addDays(launchDate, 45) } : {};
    try {
      await this.commands.execute(
        new InstallPack(operatorMeta(tenantId), PLATFORM_TENANT_ID, pack, undefined, params),
      );
      console.log(`Installed pack ${pack} for ${slug}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  private password(): string {
    return randomBytes(9).toString('base64url');
  }

  private async tenantId(slug: string): Promise<string | undefined> {
    const rows = await this.tx.runUnscoped((em) =>
      em.execute<{ id: string }[]>(`select id from tenants where slug = ?`, [slug]),
    );
    return rows[0]?.id;
  }

  private async userExists(tenantId: string, username: string): Promise<boolean> {
    const rows = await this.tx.run(tenantId, (em) =>
      em.execute(`select 1 from users where tenant_id = ? and username = ?`, [tenantId, username]),
    );
    return rows.length > 0;
  }
}
