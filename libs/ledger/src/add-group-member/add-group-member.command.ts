import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * The group is named by (type, code) — 'village'/'前营村', 'school'/'县二中-2016' — and created
 * on first use, so imports can attach members without a separate setup step.
 */
export interface GroupRef {
  readonly type: string;
  readonly code: string;
  readonly name: string;
}

export class AddGroupMember extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly debtorId: string,
    readonly group: GroupRef,
  ) {
    super(meta);
  }
}

/** `added: false` when the debtor already was a member (nothing changed). */
export interface GroupMembership {
  readonly groupId: string;
  readonly added: boolean;
}
