import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { TenantKind } from '../entities/tenant.entity';

/**
 * Platform-admin path: `tenantId` is the platform tenant the admin acts from; the new
 * tenant is the subject. Optionally seeds the tenant's first admin user.
 */
export class CreateTenant extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly slug: string,
    readonly name: string,
    readonly kind: TenantKind,
    readonly timeZone: string,
    readonly admin?: { username: string; password: string; displayName: string },
  ) {
    super(meta);
  }
}

export interface CreatedTenant {
  readonly id: string;
  readonly slug: string;
  readonly adminUserId?: string;
}
