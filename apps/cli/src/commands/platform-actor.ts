import { randomUUID } from 'node:crypto';
import { ActorMeta, systemMeta } from '@qingshou/core';
import { PLATFORM_TENANT_ID } from '@qingshou/db';
import { userInfo } from 'node:os';

/**
 * An operator at the console acts from the platform tenant, named by their OS account. The
 * CLI is the system viewer (it holds the machine, not a login): handlers see every case.
 */
export function operatorMeta(tenantId: string = PLATFORM_TENANT_ID): ActorMeta {
  return systemMeta({
    tenantId,
    actorId: `cli:${userInfo().username}`,
    correlationId: `cli-${randomUUID()}`,
  });
}
