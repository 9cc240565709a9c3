import { CommandMeta, Role, TenantCommand, TenantQuery } from '@qingshou/core';

/**
 * Case work depends on who asks, not only on which user: a collector sees only their own
 * cases (篇八). So collection commands and queries carry the caller's roles as well.
 */
export interface ActorMeta extends CommandMeta {
  readonly roles: readonly Role[];
}

export abstract class CollectionCommand extends TenantCommand {
  readonly roles: readonly Role[];

  protected constructor(meta: ActorMeta) {
    super(meta);
    this.roles = meta.roles;
  }
}

export abstract class CollectionQuery extends TenantQuery {
  readonly roles: readonly Role[];

  protected constructor(meta: ActorMeta) {
    super(meta);
    this.roles = meta.roles;
  }
}

/** The caller as the visibility rule sees them. */
export interface Viewer {
  readonly userId: string;
  readonly roles: readonly Role[];
}

export function viewerOf(message: { actorId: string; roles: readonly Role[] }): Viewer {
  return { userId: message.actorId, roles: message.roles };
}
