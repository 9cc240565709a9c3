import { ActorCommand, ActorMeta } from '@qingshou/core';

/** What the tenant's notices print about it: letterhead address, phone, person to contact. */
export interface TenantProfile {
  readonly address: string | null;
  readonly phone: string | null;
  readonly contactPerson: string | null;
}

/** A tenant admin sets the office's own profile; null clears a field. */
export class UpdateTenantProfile extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly profile: TenantProfile,
  ) {
    super(meta);
  }
}
