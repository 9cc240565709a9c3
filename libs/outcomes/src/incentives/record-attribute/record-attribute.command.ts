import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Records one of the pack's attributes (是否村干部 → official-post, 享受优惠政策 →
 * preferential-policy…) on a debtor, account or case. The key must be declared by the
 * pinned pack for that subject; an enum takes one of its codes.
 */
export class RecordAttribute extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly subject: string,
    readonly subjectId: string,
    readonly key: string,
    readonly value: string,
  ) {
    super(meta);
  }
}

export interface RecordedAttribute {
  readonly subject: string;
  readonly subjectId: string;
  readonly key: string;
  readonly value: string;
  readonly changed: boolean;
}
