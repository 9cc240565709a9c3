import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Pins a pack for a tenant that has none: `tenantId` is the tenant installed into;
 * `actorTenantId` is where the actor comes from (the platform, or the tenant itself).
 */
export class InstallPack extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly actorTenantId: string,
    readonly packId: string,
    readonly version: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
  ) {
    super(meta);
  }
}

export interface InstalledPack {
  readonly installationId: string;
  readonly packId: string;
  readonly version: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly digest: string;
  readonly summary: string;
}
