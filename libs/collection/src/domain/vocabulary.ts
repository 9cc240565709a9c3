/**
 * The closed vocabularies of case work. The database CHECK constraints in
 * Migration20261128000003Collection repeat these lists; change both together.
 */
export const CASE_SCOPES = ['debtor', 'account'] as const;
export type CaseScope = (typeof CASE_SCOPES)[number];

export const CASE_STATUSES = [
  'open',
  'promised',
  'paused',
  'legal',
  'settled',
  'written-off',
  'returned',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Terminal statuses: the case is closed with this outcome (returned = 退案 to the client). */
export const CLOSE_OUTCOMES = ['settled', 'written-off', 'returned', 'closed'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export function isClosedStatus(status: CaseStatus): boolean {
  return (CLOSE_OUTCOMES as readonly string[]).includes(status);
}

export const TASK_KINDS = [
  'call',
  'visit',
  'letter',
  'contact-guarantor',
  'review',
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CONTACT_CHANNELS = ['call', 'sms', 'letter', 'visit', 'wechat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_PARTIES = ['debtor', 'guarantor', 'other'] as const;
export type ContactParty = (typeof CONTACT_PARTIES)[number];

export const PROMISE_STATUSES = ['pending', 'kept', 'broken'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const PAUSE_REASONS = ['dispute', 'hardship', 'legal-hold', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const APPROVAL_KINDS = [
  'visit-plan',
  'extension',
  'legal-referral',
  'special-procedure',
  'waiver',
  'write-off',
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
export type ApprovalStatus = 'pending' | ApprovalDecision;

/**
 * 立案, 查扣冻结, 协商, 调解, 开庭, 判决, 执行, 撤诉, 结案 — the court path of 篇一 第四步 and
 * 篇五 第十三条, with the leasing pack's negotiation; withdrawal and closure end the matter.
 */
export const LEGAL_STEPS = [
  'filing',
  'preservation',
  'negotiation',
  'mediation',
  'hearing',
  'judgment',
  'enforcement',
  'withdrawal',
  'closure',
] as const;
export type LegalStep = (typeof LEGAL_STEPS)[number];
/** Steps after which the matter is closed (a new filing may open another). */
export const MATTER_CLOSING_STEPS: readonly LegalStep[] = ['withdrawal', 'closure'];

/** Codes (outcomes, cost categories, reasons) are slugs so packs can add their own. */
export const CODE_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;

/** Suggested cost categories (篇一 第四步: 办案费用; 篇五: 资产评估). Packs may add more. */
export const COST_CATEGORIES = [
  'travel',
  'legal-fee',
  'court-fee',
  'preservation-fee',
  'appraisal',
  'notary',
  'postage',
  'other',
] as const;

/** Suggested contact outcomes; a pack may bring its own codes (any CODE_PATTERN slug). */
export const CONTACT_OUTCOMES = [
  'reached',
  'promised-to-pay',
  'refused',
  'disputed',
  'no-answer',
  'busy',
  'wrong-number',
  'left-message',
  'not-at-home',
  'letter-delivered',
  'letter-returned',
] as const;
