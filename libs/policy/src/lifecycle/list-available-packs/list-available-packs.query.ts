import { ActorMeta, ActorQuery } from '@qingshou/core';

/** The packs in policies/, each with its version, parameters and whether it validates. */
export class ListAvailablePacks extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly includeTest: boolean = true,
  ) {
    super(meta);
  }
}

export interface AvailablePack {
  readonly id: string;
  readonly version: string;
  readonly names: unknown;
  readonly description: unknown;
  readonly audience: string;
  readonly extends: string | null;
  readonly valid: boolean;
  readonly problems: readonly { path: string; reason: string }[];
  readonly parameters: readonly {
    name: string;
    type: string;
    default: unknown;
    required: boolean;
    description: unknown;
  }[];
  readonly summary: string | null;
}
