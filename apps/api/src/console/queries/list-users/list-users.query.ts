import { ActorMeta, ActorQuery } from '@qingshou/core';

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly status: string;
  readonly createdAt: string;
}

/** The tenant's users and their roles, for the tenant admin (no password hashes). */
export class ListUsers extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
