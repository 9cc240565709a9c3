/** 异议 (issue 16 §2): what a debtor or collector may dispute about an account. */
export const DISPUTE_KINDS = ['amount-wrong', 'identity', 'already-paid', 'not-my-debt'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

export const DISPUTE_PARTIES = ['collector', 'debtor'] as const;
export type DisputeParty = (typeof DISPUTE_PARTIES)[number];

/** upheld: the debtor is right (the figures or the debt change); rejected: collection goes on. */
export const DISPUTE_OUTCOMES = ['upheld', 'rejected'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** account: only the disputed account's days stop counting; case: every account of the case. */
export const DISPUTE_PAUSES = ['account', 'case'] as const;
export type DisputePause = (typeof DISPUTE_PAUSES)[number];

export const DISPUTE_KIND_NAMES: Readonly<Record<DisputeKind, string>> = {
  'amount-wrong': '金额有误',
  identity: '身份异议',
  'already-paid': '已还款',
  'not-my-debt': '非本人债务',
};
