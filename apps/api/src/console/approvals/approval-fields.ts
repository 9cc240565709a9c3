import { formatMoney } from '../render/helpers';

/**
 * What each approval kind asks for, as the case page's request form shows it and the inbox
 * reads it back: a payload key, its message key (`approval.field.<key>`), and how its value
 * reads. The seeds name the fields: 篇一 第三步 a visit plan (date, place, staff, vehicle);
 * 篇五/篇六 a waiver with its amount and items; a legal referral with the claim; finance's
 * reconciliation (对账) with its period and difference.
 */
export type FieldType = 'text' | 'date' | 'money' | 'list';

export interface KindField {
  readonly key: string;
  readonly type: FieldType;
  readonly required?: boolean;
}

export const KIND_FIELDS: Readonly<Record<string, readonly KindField[]>> = {
  'visit-plan': [
    { key: 'visitOn', type: 'date', required: true },
    { key: 'place', type: 'text', required: true },
    { key: 'staff', type: 'list' },
    { key: 'vehicle', type: 'text' },
  ],
  waiver: [
    { key: 'amount', type: 'money', required: true },
    { key: 'items', type: 'text', required: true },
  ],
  'legal-referral': [{ key: 'claimAmount', type: 'money', required: true }],
  'ar-reconciliation': [
    { key: 'period', type: 'text', required: true },
    { key: 'difference', type: 'money' },
  ],
  extension: [{ key: 'until', type: 'date', required: true }],
};

/** Every form field any kind shows (the case page's approval FormSpec). */
export const ALL_KIND_FIELDS: readonly string[] = [
  ...new Set(Object.values(KIND_FIELDS).flatMap((fields) => fields.map((f) => f.key))),
];

/** Keys whose values are money wherever they appear (the packs' own field names too). */
const MONEY_KEYS = new Set([
  'amount',
  'claimAmount',
  'difference',
  'waived-amount',
  'amounts',
  'cost',
  // A repayment plan's figures (ProposePlan's approval payload).
  'arrears',
  'penalty',
  'waiver',
  'total',
  'downPayment',
]);

/**
 * Keys that describe where an engine request came from, not what is asked: the inbox says
 * "催收方案自动发起" once instead (pack ids and gate plumbing are no reader's business).
 */
// `fields` is the pack's list of what the approver weighs (amounts, contacts…) by code: the
// inbox shows those figures themselves, never the codes (an empty list read as 其他事项).
const HIDDEN = new Set(['source', 'pack', 'gate', 'person', 'withAmounts', 'fields', 'planId']);

export interface PayloadLine {
  /** A message key (`approval.field.<key>`); unknown keys read as `approval.field.other`. */
  readonly labelKey: string;
  readonly value: string;
  /** A code the view turns into words with the `code` helper under this prefix. */
  readonly codePrefix: string | null;
  readonly codes: readonly string[];
}

/** Payload keys with a label in the catalogue (kept in step with zh.json / en.json). */
export const LABELLED_KEYS: readonly string[] = [
  ...ALL_KIND_FIELDS,
  'stage',
  'template',
  'asOf',
  'steps',
  'time',
  'customers',
  'materials',
  'participants',
  'repayment-dates',
  'amounts',
  'overdue-days',
  'collateral',
  'guarantor',
  'finance-review',
  'legal-review',
  'assets',
  'appraisal',
  'valuation',
  'preservation',
  'title-transfer',
  'evidence',
  'contacts',
  'promises',
  'repaid-in-full',
  'waived-amount',
  'reason',
  'next-plan',
  'resources',
  'arrears',
  'penalty',
  'waiver',
  'total',
  'downPayment',
  'count',
  'startOn',
  'firstDueOn',
  'instalments',
];

function scalar(value: unknown, key: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (MONEY_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(String(value))) return formatMoney(value);
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map((v) => scalar(v, key))
      .join('，');
  }
  return String(value);
}

/**
 * The request's fields in catalogue order (the kind's own first), each with a label key and
 * a readable value — never the raw JSON. `stage` and `steps` are codes the view names.
 */
export function payloadLines(
  kind: string,
  payload: Record<string, unknown>,
  templateTitle: string | null,
): PayloadLine[] {
  const own = (KIND_FIELDS[kind] ?? []).map((f) => f.key);
  // A letter held behind a person's request has no `template` in the payload: still listed.
  const held = templateTitle ? ['template'] : [];
  const keys = [...new Set([...own, ...Object.keys(payload), ...held])].filter(
    (key) => (key in payload || held.includes(key)) && !HIDDEN.has(key),
  );
  // A letter's template id with no title to show says nothing to a reader: left out.
  const shown = keys.filter((key) => key !== 'template' || templateTitle);
  return shown.map((key) => {
    const value = payload[key];
    const labelKey = LABELLED_KEYS.includes(key) ? `approval.field.${key}` : 'approval.field.other';
    if (key === 'stage' && typeof value === 'string') {
      return { labelKey, value: '', codePrefix: 'stage', codes: [value] };
    }
    if (key === 'steps' && Array.isArray(value)) {
      return { labelKey, value: '', codePrefix: 'approval.step', codes: value.map(String) };
    }
    if (key === 'template') {
      return { labelKey, value: templateTitle ?? '', codePrefix: null, codes: [] };
    }
    if (key === 'instalments' && Array.isArray(value)) {
      return { labelKey, value: instalmentsText(value), codePrefix: null, codes: [] };
    }
    const text = Array.isArray(value)
      ? value.map((v) => scalar(v, key)).join('、')
      : scalar(value, key);
    return { labelKey, value: text, codePrefix: null, codes: [] };
  });
}

/** A plan's instalments in one line: 首付 2026-03-02 ¥1,200.00；第1期 2026-04-02 ¥1,000.00… */
function instalmentsText(list: unknown[]): string {
  return list
    .map((raw) => {
      const i = (raw ?? {}) as { seq?: unknown; dueOn?: unknown; amount?: unknown };
      const name = Number(i.seq) === 0 ? '首付' : `第${String(i.seq)}期`;
      return `${name} ${String(i.dueOn ?? '')} ${formatMoney(i.amount)}`;
    })
    .join('；');
}

/**
 * An approval as any list shows it (the supervisor's desk too): its fields by label, and the
 * requester's reason only when a person wrote it (the engine's is an English log line).
 */
export function readableApproval(a: {
  kind: string;
  payload: Record<string, unknown>;
  reason: string | null;
  requestedBy: string;
}): { reason: string | null; payloadLines: PayloadLine[] } {
  return {
    reason: a.requestedBy.startsWith('engine:') ? null : a.reason,
    payloadLines: payloadLines(a.kind, a.payload, null),
  };
}

/** The case page form's values for a kind → the request's payload (only that kind's fields). */
export function kindPayload(kind: string, values: Record<string, string>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of KIND_FIELDS[kind] ?? []) {
    const raw = values[field.key]?.trim();
    if (!raw) continue;
    payload[field.key] =
      field.type === 'list'
        ? raw
            .split(/[,，、;；]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : raw;
  }
  return payload;
}
