import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { ConflictError, requirePermission, viewerOf } from '@qingshou/core';
import { bindTenant, EventLog, PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { PackLoader } from '../../loader/pack-loader';
import { summarizePack } from '../../loader/resolved-pack';
import { activeInstallation, assertMayManage } from '../support/installations';
import { PackInstallation } from '../support/pack-installation.entity';
import { packInstalled } from '../support/policy-events';
import { InstalledPack, InstallPack } from './install-pack.command';

/**
 * Resolves the pack with the tenant's parameters (refusing bad ones with their paths) and
 * pins the snapshot. A tenant that already runs a pack is refused: changing it is an
 * explicit upgrade that shows its difference first.
 */
@CommandHandler(InstallPack)
export class InstallPackHandler implements ICommandHandler<InstallPack, InstalledPack> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly loader: PackLoader,
  ) {}

  async execute(command: InstallPack): Promise<InstalledPack> {
    requirePermission(viewerOf(command), 'pack.install');
    assertMayManage(command.actorTenantId, command.tenantId);
    const pack = this.loader.loadForTenant(command.packId, command.version, command.params);
    const now = this.clock.now();
    const id = randomUUID();
    try {
      await this.tx.run(command.tenantId, async (em) => {
        const current = await activeInstallation(em, command.tenantId, true);
        if (current) {
          throw new ConflictError(
            `This tenant already runs ${current.packId}@${current.version}; preview the change with POST /api/v1/packs/diff and apply it as an upgrade`,
          );
        }
        const row = em.create(PackInstallation, {
          tenantId: command.tenantId,
          id,
          packId: pack.id,
          version: pack.version,
          params: { ...pack.overrides },
          resolved: pack,
          digest: pack.digest,
          status: 'active',
          installedAt: now,
          installedBy: command.actorId,
          supersededAt: null,
          supersededBy: null,
        });
        await em.flush();
        const event = packInstalled(row, pack.extendsChain);
        await this.events.append(em, { ...command, occurredAt: now }, [event]);
        // A platform admin acting for a tenant leaves the act in the platform's chain too.
        if (
          command.actorTenantId === PLATFORM_TENANT_ID &&
          command.tenantId !== PLATFORM_TENANT_ID
        ) {
          await bindTenant(em, PLATFORM_TENANT_ID);
          await this.events.append(
            em,
            { ...command, tenantId: PLATFORM_TENANT_ID, occurredAt: now },
            [{ ...event, publish: [] }],
          );
        }
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(
          'Another installation for this tenant finished first; reload and upgrade',
        );
      }
      throw error;
    }
    return {
      installationId: id,
      packId: pack.id,
      version: pack.version,
      params: pack.overrides,
      digest: pack.digest,
      summary: summarizePack(pack),
    };
  }
}
