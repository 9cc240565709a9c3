import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Moves a tenant from its active installation to another pack version or other
 * parameters. `basedOn` is the installation the caller previewed (the diff's
 * `basedOn`): if the tenant moved on since, the upgrade is refused rather than applying a
 * difference nobody has seen.
 */
export class UpgradePack extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly actorTenantId: string,
    readonly packId: string,
    readonly version: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
    readonly basedOn: string,
  ) {
    super(meta);
  }
}
