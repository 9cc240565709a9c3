import type { Principal } from '@qingshou/core';
import type { ActorMeta } from '@qingshou/collection';

/** What every collection command and query carries: who, with which roles, under which request. */
export function actorMeta(principal: Principal, correlationId: string): ActorMeta {
  return {
    tenantId: principal.tenantId,
    actorId: principal.userId,
    correlationId,
    roles: principal.roles,
  };
}
