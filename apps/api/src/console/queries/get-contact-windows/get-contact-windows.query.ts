import { ActorMeta, CollectionQuery, ContactChannel, ContactParty } from '@qingshou/collection';

export interface ContactWindow {
  readonly channel: ContactChannel;
  readonly party: ContactParty;
  readonly allowed: boolean;
  readonly rule: string | null;
  readonly reason: string | null;
  /** The rule's figures for its Chinese message (`rule.<rule>` slots); empty when allowed. */
  readonly params: Readonly<Record<string, string | number>>;
  /** ISO instant; null when allowed now, or never again under the rule. */
  readonly nextAllowedAt: string | null;
}

/**
 * For one visible case: may the collector call or visit now, and if not, which pack rule
 * refuses and when the contact is next allowed (the same answer LogContact will give).
 */
export class GetContactWindows extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly asked: readonly { channel: ContactChannel; party: ContactParty }[],
    /** Default now (the injected clock). */
    readonly at?: Date,
  ) {
    super(meta);
  }
}
