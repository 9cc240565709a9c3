import { ActorMeta, ActorQuery } from '@qingshou/core';

export class GetMe extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}

export interface Me {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly tenant: { id: string; slug: string; name: string; kind: string; timeZone: string };
}
