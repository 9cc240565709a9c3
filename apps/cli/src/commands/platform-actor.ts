import { randomUUID } from 'node:crypto';
import { CommandMeta } from '@qingshou/core';
import { PLATFORM_TENANT_ID } from '@qingshou/db';
import { userInfo } from 'node:os';

/** An operator at the console acts from the platform tenant, named by their OS account. */
export function operatorMeta(tenantId: string = PLATFORM_TENANT_ID): CommandMeta {
  return { tenantId, actorId: `cli:${userInfo().username}`, correlationId: `cli-${randomUUID()}` };
}
