import type { Lang } from '../http/session';
import { hasMessage, translate } from '../i18n/i18n';

/**
 * The console's words for a bad field. The API's DTOs and handlers keep their English
 * reasons (problem+json `detail` for API clients); a form shows the reason from this
 * catalogue instead, chosen by the validator's constraint (class-validator's name) or, for a
 * handler's refusal, by the English reason's shape, with the other field named by its label
 * (`field.<name>`). Anything not known here is worded generically: never English on a page.
 */
const CJK = /[\u3400-\u9fff]/;
const ENGLISH_GLOSS = /\s*[（(][^（）()\u3400-\u9fff]*[A-Za-z]{3,}[^（）()\u3400-\u9fff]*[）)]/g;

interface Rule {
  readonly test: RegExp;
  readonly key: string;
  /** Slot values from the match. */
  readonly values?: (match: RegExpExecArray) => Record<string, string>;
}

/** class-validator constraint names → message key (for those whose text alone decides). */
const BY_CONSTRAINT: Readonly<Record<string, string>> = {
  isNotEmpty: 'validation.required',
  isDefined: 'validation.required',
  isIn: 'validation.choose',
  isEnum: 'validation.choose',
  isUuid: 'validation.choose',
  isUUID: 'validation.choose',
  isBoolean: 'validation.choose',
  isInt: 'validation.integer',
  isNumber: 'validation.number',
  isLocalDate: 'validation.date',
  isDateString: 'validation.date',
  isYuanAmount: 'validation.amount',
  isArray: 'validation.choose',
  arrayNotEmpty: 'validation.choose',
  arrayMinSize: 'validation.choose',
};

/** 0.3 → 30% (a pack's share as the office says it). */
const percent = (share: string) => `${Math.round(Number(share) * 10000) / 100}%`;

/** English reasons by shape (handlers' invalidArgument texts and class-validator defaults). */
const BY_TEXT: readonly Rule[] = [
  // A repayment plan's pack rules (splitPlan, ProposePlan, AgreePlan), shares as percentages.
  { test: /must cover more than nothing/i, key: 'validation.planEmpty' },
  {
    test: /may waive at most ([\d.]+) of the penalty/i,
    key: 'validation.planWaiver',
    values: (m) => ({ share: percent(m[1]) }),
  },
  {
    test: /must be at least ([\d.]+) of the total/i,
    key: 'validation.planDownPayment',
    values: (m) => ({ share: percent(m[1]) }),
  },
  {
    test: /must be 1 to (\d+) instalments/i,
    key: 'validation.planCount',
    values: (m) => ({ max: m[1] }),
  },
  {
    test: /last instalment must fall within (\d+) months/i,
    key: 'validation.planTerm',
    values: (m) => ({ months: m[1] }),
  },
  {
    test: /each instalment must be at least ([\d.]+)/i,
    key: 'validation.planMinInstalment',
    values: (m) => ({ min: m[1] }),
  },
  { test: /must not be before the start/i, key: 'validation.planFirstDue' },
  { test: /whole number of months from 1 to 12/i, key: 'validation.planInterval' },
  { test: /already has a live plan/i, key: 'validation.planLive' },
  { test: /waits for its approval/i, key: 'validation.planAwaitsApproval' },
  { test: /may agree repayment plans/i, key: 'validation.planRole' },
  { test: /agrees no repayment plans/i, key: 'validation.planNone' },
  { test: /amount|yuan/i, key: 'validation.amount' },
  { test: /rate such as/i, key: 'validation.rate' },
  { test: /YYYY-MM-DD|calendar date|ISO 8601 date/i, key: 'validation.date' },
  { test: /must not be before today/i, key: 'validation.notBeforeToday' },
  {
    test: /must not be before (?:the )?([a-zA-Z]+)/i,
    key: 'validation.notBefore',
    values: (m) => ({ other: m[1] }),
  },
  { test: /must not be after today|must not be in the future/i, key: 'validation.notAfterToday' },
  {
    test: /longer than or equal to (\d+)/i,
    key: 'validation.tooShort',
    values: (m) => ({ min: m[1] }),
  },
  {
    test: /shorter than or equal to (\d+)/i,
    key: 'validation.tooLong',
    values: (m) => ({ max: m[1] }),
  },
  { test: /not be less than (-?[\d.]+)/i, key: 'validation.min', values: (m) => ({ min: m[1] }) },
  {
    test: /not be greater than (-?[\d.]+)/i,
    key: 'validation.max',
    values: (m) => ({ max: m[1] }),
  },
  { test: /integer/i, key: 'validation.integer' },
  {
    test: /should not be empty|must not be empty|must say why|is required/i,
    key: 'validation.required',
  },
  {
    test: /must be one of|must be a code|allowed values|must be a valid enum/i,
    key: 'validation.choose',
  },
  { test: /disabled user/i, key: 'validation.disabledUser' },
  { test: /must have one of the roles/i, key: 'validation.assigneeRole' },
];

/** A field's name in words (`promisedOn` → 承诺日期), or a neutral word when unknown. */
function fieldLabel(lang: Lang, name: string): string {
  return hasMessage(`field.${name}`)
    ? translate(lang, `field.${name}`)
    : translate(lang, 'field.unknown');
}

/** One reason in the reader's words; `constraint` when class-validator gave its name. */
export function fieldMessage(lang: Lang, reason: string, constraint?: string): string {
  // Chinese already; an English gloss in brackets (密码至少需要 8 个字符（password must…）) is
  // for API clients, so the page drops it.
  if (CJK.test(reason)) return reason.replace(ENGLISH_GLOSS, '').trim();
  const own = constraint ? BY_CONSTRAINT[constraint] : undefined;
  if (own) return translate(lang, own);
  for (const rule of BY_TEXT) {
    const match = rule.test.exec(reason);
    if (!match) continue;
    const values = rule.values?.(match) ?? {};
    if (values.other) values.other = fieldLabel(lang, values.other);
    return translate(lang, rule.key, values);
  }
  return translate(lang, 'validation.generic');
}
