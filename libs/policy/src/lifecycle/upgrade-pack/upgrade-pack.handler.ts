import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { ConflictError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { bindTenant, EventLog, PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { PackLoader } from '../../loader/pack-loader';
import { summarizePack } from '../../loader/resolved-pack';
import type { InstalledPack } from '../install-pack/install-pack.command';
import { diffPacks, PackDiff } from '../pack-diff';
import { activeInstallation, assertMayManage } from '../support/installations';
import { PackInstallation } from '../support/pack-installation.entity';
import { packUpgraded } from '../support/policy-events';
import { UpgradePack } from './upgrade-pack.command';

export interface UpgradedPack extends InstalledPack {
  readonly previousInstallationId: string;
  readonly diff: PackDiff;
}

/** Supersedes the active installation and pins the new one, in one transaction. */
@CommandHandler(UpgradePack)
export class UpgradePackHandler implements ICommandHandler<UpgradePack, UpgradedPack> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly loader: PackLoader,
  ) {}

  async execute(command: UpgradePack): Promise<UpgradedPack> {
    requirePermission(viewerOf(command), 'pack.upgrade');
    assertMayManage(command.actorTenantId, command.tenantId);
    const pack = this.loader.loadForTenant(command.packId, command.version, command.params);
    const now = this.clock.now();
    const id = randomUUID();
    try {
      return await this.tx.run(command.tenantId, async (em) => {
        const current = await activeInstallation(em, command.tenantId, true);
        if (!current)
          throw new NotFoundError('active pack installation of tenant', command.tenantId);
        if (current.id !== command.basedOn) {
          throw new ConflictError(
            `The tenant's pack changed since the preview (now installation ${current.id}); preview again`,
          );
        }
        const diff = diffPacks(current.resolved, pack);
        if (diff.changes === 0) throw new ConflictError('The upgrade would change nothing');
        // Supersede first: the one-active index would refuse the new row otherwise.
        await em.nativeUpdate(
          PackInstallation,
          { tenantId: command.tenantId, id: current.id },
          { status: 'superseded', supersededAt: now },
        );
        const next = em.create(PackInstallation, {
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
        await em.nativeUpdate(
          PackInstallation,
          { tenantId: command.tenantId, id: current.id },
          { supersededBy: id },
        );
        const event = packUpgraded(current, next, diff);
        await this.events.append(em, { ...command, occurredAt: now }, [event]);
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
        return {
          installationId: id,
          previousInstallationId: current.id,
          packId: pack.id,
          version: pack.version,
          params: pack.overrides,
          digest: pack.digest,
          summary: summarizePack(pack),
          diff,
        };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('Another change to this tenant pack finished first; preview again');
      }
      throw error;
    }
  }
}
