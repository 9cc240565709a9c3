import { randomUUID } from 'node:crypto';
import { DomainError, type FieldProblem } from '@qingshou/core';
import {
  CaseHasNoAccountError,
  type CaseLetterRequest,
  LetterApprovalRejectedError,
  NoPackInstalledError,
} from '@qingshou/engine';
import { emptyForm, type FormSpec, formWithProblems, type FormState } from '../forms/form-state';
import type { Lang } from '../http/session';
import type {
  CaseLetterChoices,
  LetterInputChoice,
  LetterTemplateChoice,
} from '../queries/list-case-letter-templates/list-case-letter-templates.query';
import type { PageContext } from '../render/page-context';

/** A declared input field is posted as `in-<name>`, so it can never shadow the letter's own fields. */
const INPUT_PREFIX = 'in-';
const BASE_FIELDS = ['templateId', 'letterDate', 'recipient'] as const;

/** A letter rendered for the person to read before issuing it (nothing stored). */
export interface LetterPreview {
  readonly title: string;
  readonly html: string;
  readonly letterDate: string;
  readonly approvalKind: string | null;
}

/** A letter held behind the pack's approval: what the page tells the person. */
export interface LetterHeld {
  readonly title: string;
  readonly approvalKind: string;
}

/** What the 开具通知书 panel shows besides its choices. */
export interface LetterState {
  readonly form: FormState;
  readonly preview: LetterPreview | null;
  readonly held: LetterHeld | null;
}

export function letterSpec(template: LetterTemplateChoice | null): FormSpec {
  const inputs = (template?.inputs ?? []).map((f) => INPUT_PREFIX + f.name);
  return { id: 'letter', fields: [...BASE_FIELDS, ...inputs] };
}

/** The template the form names, else the pack's first one (null when the pack has none). */
export function pickTemplate(
  choices: CaseLetterChoices,
  templateId: string | undefined,
): LetterTemplateChoice | null {
  return choices.templates.find((t) => t.id === templateId) ?? choices.templates[0] ?? null;
}

/**
 * A fresh form: the chosen template (first by default), today in the tenant's zone, the
 * debtor, and a new idempotency key — a double click issues one letter, not two.
 */
export function freshLetterState(
  choices: CaseLetterChoices,
  templateId?: string,
  held: LetterHeld | null = null,
): LetterState {
  const template = pickTemplate(choices, templateId);
  return {
    form: emptyForm(letterSpec(template), {
      templateId: template?.id ?? '',
      letterDate: choices.today,
      recipient: 'debtor',
      idempotencyKey: randomUUID(),
    }),
    preview: null,
    held,
  };
}

/**
 * The request IssueCaseNotice/PreviewCaseNotice take, from the posted strings: the declared
 * inputs only (an integer field typed as digits becomes a number; anything else goes to the
 * handler as typed, which decides whether it fits). Empty fields are left out.
 */
export function letterRequest(
  caseId: string,
  template: LetterTemplateChoice | null,
  values: Record<string, string>,
): CaseLetterRequest {
  const input: Record<string, unknown> = {};
  for (const field of template?.inputs ?? []) {
    const raw = values[INPUT_PREFIX + field.name]?.trim();
    if (!raw) continue;
    input[field.name] = field.type === 'integer' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  }
  const letterDate = values.letterDate?.trim();
  const recipient = values.recipient?.trim();
  return {
    caseId,
    templateId: values.templateId ?? '',
    letterDate: letterDate || undefined,
    recipient: recipient || undefined,
    input: Object.keys(input).length > 0 ? input : undefined,
  };
}

/** The handler's reason, said in the person's language next to the field it concerns. */
function problemInWords(
  page: PageContext,
  problem: FieldProblem,
  template: LetterTemplateChoice | null,
  today: string,
): FieldProblem {
  const { path, reason } = problem;
  if (path === 'letterDate') {
    const key = reason.startsWith('must not be after')
      ? 'case.letter.err.future'
      : 'case.letter.err.date';
    return { path, reason: page.t(key, { today }) };
  }
  if (path === 'templateId') return { path, reason: page.t('case.letter.err.template') };
  if (path === 'recipient') return { path, reason: page.t('case.letter.err.recipient') };
  const name = /^input\.(\w+)$/.exec(path)?.[1];
  const field = template?.inputs.find((f) => f.name === name);
  if (field) {
    const at = INPUT_PREFIX + field.name;
    if (reason === 'is required') return { path: at, reason: page.t('form.required') };
    return { path: at, reason: inputReason(page, field) };
  }
  return { path, reason: page.t('case.letter.err.other', { reason }) };
}

function inputReason(page: PageContext, field: LetterInputChoice): string {
  if (field.type === 'text') return page.t('case.letter.err.text', { max: field.maxLength ?? 500 });
  return page.t(`case.letter.err.${field.type}`);
}

/** A refusal the person can act on, in their language (the code's English stays in the log). */
function refusalInWords(page: PageContext, error: DomainError): string {
  if (error.code === 'not-found') return page.t('case.letter.err.template');
  if (error instanceof CaseHasNoAccountError) return page.t('case.letter.err.noAccount');
  if (error instanceof LetterApprovalRejectedError) return page.t('case.letter.err.rejected');
  if (error instanceof NoPackInstalledError) return page.t('case.letter.err.noPack');
  return page.t('case.letter.err.other', { reason: error.message });
}

/** The form shown again after the handler refused it: each problem at its field, in words. */
export function refusedLetterForm(
  page: PageContext,
  error: DomainError,
  template: LetterTemplateChoice | null,
  values: Record<string, string>,
  today: string,
): FormState {
  const spec = letterSpec(template);
  const problems = error.problems.map((p) => problemInWords(page, p, template, today));
  const summary = problems.length === 0 ? refusalInWords(page, error) : null;
  const form = formWithProblems(spec, values, problems, summary, error.code);
  // A template the pack no longer has is the select's problem, not the page's.
  if (error.code === 'not-found') {
    return { ...form, errors: { templateId: [summary ?? ''] }, general: [] };
  }
  return form;
}

/** The panel's model: choices named for the reader, the chosen template's input fields. */
export function letterPanel(
  lang: Lang,
  caseId: string,
  choices: CaseLetterChoices,
  state: LetterState,
) {
  const template = pickTemplate(choices, state.form.values.templateId);
  return {
    caseId,
    today: choices.today,
    templates: choices.templates.map((t) => ({ value: t.id, label: t.title })),
    recipients: choices.recipients,
    approvalKind: template?.approvalKind ?? null,
    inputs: (template?.inputs ?? []).map((f) => ({
      field: INPUT_PREFIX + f.name,
      label: f.label[lang] || f.label.zh,
      required: f.required,
      type: f.type === 'date' ? 'date' : 'text',
      inputmode: f.type === 'money' ? 'decimal' : f.type === 'integer' ? 'numeric' : null,
      multiline: f.type === 'text' && (f.maxLength ?? 500) > 100,
    })),
    form: state.form,
    // Kept across a refused or previewed form: the same letter, not a second one.
    idempotencyKey: state.form.values.idempotencyKey || randomUUID(),
    preview: state.preview,
    held: state.held,
  };
}

export type LetterPanel = ReturnType<typeof letterPanel>;
