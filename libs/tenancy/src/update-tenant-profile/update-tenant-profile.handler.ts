import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { TenantProfile, UpdateTenantProfile } from './update-tenant-profile.command';

/**
 * The tenants directory is not tenant-owned (no RLS), so the statement names the tenant of
 * the command itself: an admin can only ever change his own office's profile.
 */
@CommandHandler(UpdateTenantProfile)
export class UpdateTenantProfileHandler implements ICommandHandler<
  UpdateTenantProfile,
  TenantProfile
> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  async execute(command: UpdateTenantProfile): Promise<TenantProfile> {
    requirePermission(viewerOf(command), 'tenant-profile.update');
    const { address, phone, contactPerson } = command.profile;
    return this.tx.run(command.tenantId, async (em) => {
      const [before] = await em.execute<Record<string, string | null>[]>(
        `select address, phone, contact_person from tenants where id = ? for update`,
        [command.tenantId],
      );
      if (!before) throw new NotFoundError('tenant', command.tenantId);
      await em.execute(
        `update tenants set address = ?, phone = ?, contact_person = ? where id = ?`,
        [address, phone, contactPerson, command.tenantId],
      );
      const after = { address, phone, contactPerson };
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
        {
          type: 'TenantProfileUpdated',
          aggregateType: 'tenant',
          aggregateId: command.tenantId,
          payload: after,
          before: {
            address: before.address,
            phone: before.phone,
            contactPerson: before.contact_person,
          },
          after,
        },
      ]);
      return after;
    });
  }
}
