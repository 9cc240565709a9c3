import { LEGAL_STEPS, type RecordLegalStepInput } from '@qingshou/collection';
import type { RecordSettlementInKindInput } from '@qingshou/collection';
import { DomainError } from '@qingshou/core';
import { emptyForm, FormSpec, FormState, formValues } from '../forms/form-state';
import type { PageContext } from '../render/page-context';

export const STEP_FORM: FormSpec = {
  id: 'step',
  fields: [
    'step',
    'occurredOn',
    'court',
    'courtCaseNumber',
    'lawyer',
    'amount',
    'details',
    'costCategory',
    'costAmount',
    'voucherRef',
    'file',
  ],
};
export const SETTLEMENT_FORM: FormSpec = {
  id: 'settlement',
  fields: ['asset', 'appraisalValue', 'appraisedOn', 'titleTransferOn', 'notes'],
};

/** 诉讼费 / 保全费 / 律师费 / 执行费 first (篇一 第四步 办案费用), then the other case costs. */
export const LEGAL_COST_CATEGORIES = [
  'court-fee',
  'preservation-fee',
  'legal-fee',
  'enforcement-fee',
  'appraisal',
  'notary',
  'travel',
  'other',
];

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LIMITS: Record<string, number> = {
  court: 200,
  courtCaseNumber: 100,
  lawyer: 200,
  details: 4000,
  voucherRef: 128,
  asset: 500,
  notes: 2000,
};

type Checked<T> = { ok: true; value: T } | { ok: false; form: FormState };

/** Collects Chinese messages by field; the command checks the same rules again. */
class Problems {
  readonly errors: Record<string, string[]> = {};
  constructor(private readonly page: PageContext) {}
  add(field: string, key: string, values?: Record<string, unknown>): void {
    (this.errors[field] ??= []).push(this.page.t(key, values));
  }
  text(v: Record<string, string>, field: string): string | undefined {
    const value = v[field]?.trim();
    if (!value) return undefined;
    if (value.length > (LIMITS[field] ?? 200)) {
      this.add(field, 'legal.err.tooLong', { max: LIMITS[field] ?? 200 });
    }
    return value;
  }
  money(v: Record<string, string>, field: string): string | undefined {
    const value = v[field]?.trim();
    if (!value) return undefined;
    if (!MONEY.test(value)) this.add(field, 'legal.err.money');
    return value;
  }
  date(v: Record<string, string>, field: string): string | undefined {
    const value = v[field]?.trim();
    if (!value) return undefined;
    if (!DATE.test(value)) this.add(field, 'legal.err.date');
    return value;
  }
  form(spec: FormSpec, values: Record<string, string>): FormState | null {
    if (Object.keys(this.errors).length === 0) return null;
    return { ...emptyForm(spec, values), errors: this.errors };
  }
}

export function checkStepForm(
  page: PageContext,
  body: unknown,
): Checked<Omit<RecordLegalStepInput, 'caseId' | 'file'>> {
  const v = formValues(body);
  const p = new Problems(page);
  const step = v.step?.trim() ?? '';
  if (!(LEGAL_STEPS as readonly string[]).includes(step)) p.add('step', 'legal.err.step');
  const costCategory = v.costCategory?.trim() || undefined;
  const costAmount = p.money(v, 'costAmount');
  if (costCategory && !LEGAL_COST_CATEGORIES.includes(costCategory)) {
    p.add('costCategory', 'legal.err.costCategory');
  }
  if (costAmount && !costCategory) p.add('costCategory', 'legal.err.costCategoryNeeded');
  if (costCategory && !costAmount && !p.errors.costAmount) {
    p.add('costAmount', 'legal.err.costAmountNeeded');
  }
  if (costAmount && Number(costAmount) <= 0) p.add('costAmount', 'legal.err.positive');
  const amount = p.money(v, 'amount');
  if (amount && Number(amount) <= 0) p.add('amount', 'legal.err.positive');
  const input = {
    step: step as RecordLegalStepInput['step'],
    occurredOn: p.date(v, 'occurredOn'),
    court: p.text(v, 'court'),
    courtCaseNumber: p.text(v, 'courtCaseNumber'),
    lawyer: p.text(v, 'lawyer'),
    amount,
    details: p.text(v, 'details'),
    cost:
      costCategory && costAmount
        ? { category: costCategory, amount: costAmount, voucherRef: p.text(v, 'voucherRef') }
        : undefined,
  };
  const form = p.form(STEP_FORM, v);
  return form ? { ok: false, form } : { ok: true, value: input };
}

export function checkSettlementForm(
  page: PageContext,
  body: unknown,
): Checked<Omit<RecordSettlementInKindInput, 'caseId'>> {
  const v = formValues(body);
  const p = new Problems(page);
  const asset = p.text(v, 'asset');
  if (!asset) p.add('asset', 'legal.err.required');
  const appraisalValue = p.money(v, 'appraisalValue');
  if (!appraisalValue) {
    if (!p.errors.appraisalValue) p.add('appraisalValue', 'legal.err.required');
  } else if (Number(appraisalValue) <= 0) p.add('appraisalValue', 'legal.err.positive');
  const input = {
    asset: asset ?? '',
    appraisalValue: appraisalValue ?? '',
    appraisedOn: p.date(v, 'appraisedOn'),
    titleTransferOn: p.date(v, 'titleTransferOn'),
    notes: p.text(v, 'notes'),
  };
  const form = p.form(SETTLEMENT_FORM, v);
  return form ? { ok: false, form } : { ok: true, value: input };
}

/** The command's nested paths → the form's flat fields. */
const FIELD_OF: Record<string, string> = {
  'cost.category': 'costCategory',
  'cost.amount': 'costAmount',
  'cost.voucherRef': 'voucherRef',
};

/** A refusal by the command, in Chinese: at the field it names, else in the summary. */
export function refusedForm(
  page: PageContext,
  spec: FormSpec,
  body: unknown,
  error: DomainError,
): FormState {
  const values = formValues(body);
  const errors: Record<string, string[]> = {};
  for (const problem of error.problems) {
    const field = FIELD_OF[problem.path] ?? problem.path.replace(/^(body|input)\./, '');
    if (spec.fields.includes(field)) {
      (errors[field] ??= []).push(page.t(`legal.err.field.${field}`));
    }
  }
  const key = `legal.refused.${error.code}`;
  const known = page.t(key) !== key;
  const general =
    Object.keys(errors).length > 0 ? [] : [page.t(known ? key : 'legal.refused.other')];
  return { ...emptyForm(spec, values), errors, general, code: error.code };
}
