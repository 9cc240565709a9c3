import { Clock } from '@qingshou/calendar';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, requirePermission, viewerOf } from '@qingshou/core';
import { bindTenant, EventLog, PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../auth/password-hasher';
import { assertStrongPassword } from '../auth/password-strength';
import { Tenant } from '../entities/tenant.entity';
import { User } from '../entities/user.entity';
import { CreatedTenant, CreateTenant } from './create-tenant.command';

/**
 * The explicit platform path: one transaction bound first to the new tenant (to seed it
 * under RLS), then switched on purpose to the platform tenant to audit the act there.
 */
@CommandHandler(CreateTenant)
export class CreateTenantHandler implements ICommandHandler<CreateTenant, CreatedTenant> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateTenant): Promise<CreatedTenant> {
    requirePermission(viewerOf(command), 'tenant.create');
    if (command.tenantId !== PLATFORM_TENANT_ID) {
      throw new ForbiddenError('Only the platform tenant can create tenants');
    }
    if (command.admin) {
      const { username, displayName, password } = command.admin;
      assertStrongPassword(password, { username, displayName, tenantSlug: command.slug });
    }
    const passwordHash = command.admin ? await this.hasher.hash(command.admin.password) : null;
    const id = randomUUID();
    const ctx = { ...command, occurredAt: this.clock.now() };
    try {
      return await this.tx.run(id, async (em) => {
        const tenant = {
          id,
          slug: command.slug,
          name: command.name,
          kind: command.kind,
          timeZone: command.timeZone,
        };
        // Inserted at once: the user and the chain head below reference it.
        await em.insert(Tenant, { ...tenant, status: 'active', createdAt: this.clock.now() });
        const adminUserId = command.admin && passwordHash ? randomUUID() : undefined;
        if (command.admin && passwordHash && adminUserId) {
          em.create(User, {
            tenantId: id,
            id: adminUserId,
            username: command.admin.username,
            displayName: command.admin.displayName,
            passwordHash,
            roles: ['tenant-admin'],
            status: 'active',
            createdAt: this.clock.now(),
          });
        }
        // Flushed while the transaction is bound to the new tenant, which RLS checks.
        await em.flush();
        const after = {
          slug: tenant.slug,
          name: tenant.name,
          kind: tenant.kind,
          timeZone: tenant.timeZone,
        };
        await this.events.append(em, { ...ctx, tenantId: id }, [
          {
            type: 'TenantCreated',
            aggregateType: 'tenant',
            aggregateId: id,
            payload: {
              ...after,
              byPlatformAdmin: command.actorId,
              adminUserId: adminUserId ?? null,
            },
            after,
          },
        ]);
        await bindTenant(em, PLATFORM_TENANT_ID);
        await this.events.append(em, ctx, [
          {
            type: 'TenantCreated',
            aggregateType: 'tenant',
            aggregateId: id,
            payload: after,
            after,
          },
        ]);
        return { id, slug: command.slug, adminUserId };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(`A tenant with slug "${command.slug}" already exists`);
      }
      throw error;
    }
  }
}
