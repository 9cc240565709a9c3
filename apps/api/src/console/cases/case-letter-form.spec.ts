import { ValidationFailedError } from '@qingshou/core';
import { CaseHasNoAccountError } from '@qingshou/engine';
import { checkNoticeInput, type NoticeInputField } from '@qingshou/notices';
import { translate } from '../i18n/i18n';
import type {
  CaseLetterChoices,
  LetterTemplateChoice,
} from '../queries/list-case-letter-templates/list-case-letter-templates.query';
import type { PageContext } from '../render/page-context';
import {
  freshLetterState,
  letterPanel,
  letterRequest,
  refusedLetterForm,
} from './case-letter-form';

const CASE = '6f0c1c2e-1111-4111-8111-111111111111';
/** A template that asks the person for a visit date, an amount agreed, a count and a note. */
const DECLARED: NoticeInputField[] = [
  { name: 'visitDate', type: 'date', label: { zh: '走访日期', en: 'Visit date' }, required: true },
  { name: 'agreed', type: 'money', label: { zh: '约定还款金额', en: 'Amount agreed' } },
  { name: 'instalments', type: 'integer', label: { zh: '分期期数', en: 'Instalments' } },
  { name: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, maxLength: 20 },
] as NoticeInputField[];
const VISIT: LetterTemplateChoice = {
  id: 'leasing-dealer-arrears/visit-receipt',
  title: '到访回执单',
  channel: 'letter',
  approvalKind: null,
  inputs: DECLARED.map((f) => ({
    name: f.name,
    type: f.type,
    required: f.required === true,
    maxLength: f.maxLength ?? null,
    label: f.label,
  })),
};
const LAWYER: LetterTemplateChoice = {
  id: 'leasing-dealer-arrears/lawyer-letter',
  title: '律师函',
  channel: 'letter',
  approvalKind: 'legal-referral',
  inputs: [],
};
const CHOICES: CaseLetterChoices = {
  today: '2026-03-11',
  templates: [LAWYER, VISIT],
  recipients: ['debtor', 'guarantor'],
};
const zhPage = { lang: 'zh', t: (k: string, v?: Record<string, unknown>) => translate('zh', k, v) };
const page = zhPage as unknown as PageContext;

/** What the handler says about posted input: the notices lib's own check, not a copy. */
function refusalOf(given: Record<string, unknown>): ValidationFailedError {
  try {
    checkNoticeInput(DECLARED, given);
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the input was accepted');
}

describe('开具通知书 form: the template’s declared input, the handler’s refusals in Chinese', () => {
  it('sends only the declared fields (posted as in-<name>), digits as a number for an integer, empty ones left out', () => {
    const request = letterRequest(CASE, VISIT, {
      templateId: VISIT.id,
      letterDate: '2026-03-10',
      recipient: 'guarantor',
      'in-visitDate': '2026-03-09',
      'in-agreed': ' 1200.5 ',
      'in-instalments': '6',
      'in-note': '',
      // Not declared: never reaches the command as input.
      totalDue: '675.00',
      'in-totalDue': '675.00',
    });
    expect(request).toEqual({
      caseId: CASE,
      templateId: VISIT.id,
      letterDate: '2026-03-10',
      recipient: 'guarantor',
      input: { visitDate: '2026-03-09', agreed: '1200.5', instalments: 6 },
    });
    expect(letterRequest(CASE, LAWYER, { templateId: LAWYER.id, letterDate: '' })).toEqual({
      caseId: CASE,
      templateId: LAWYER.id,
      letterDate: undefined,
      recipient: undefined,
      input: undefined,
    });
  });

  it('puts each refused input at its field in Chinese, and keeps what was typed', () => {
    const values = { templateId: VISIT.id, 'in-agreed': '12.345', 'in-instalments': 'six' };
    const typed = letterRequest(CASE, VISIT, values).input ?? {};
    const error = refusalOf({ ...typed, note: 'x'.repeat(21) });
    const form = refusedLetterForm(page, error, VISIT, values, '2026-03-11');
    expect(form.errors).toEqual({
      'in-visitDate': ['必填'],
      'in-agreed': ['请填写金额，如 1200.50（最多两位小数）'],
      'in-instalments': ['请填写不小于 0 的整数'],
      'in-note': ['请填写文字，最多 20 字'],
    });
    expect(form.general).toEqual([]);
    expect(form.values).toBe(values);
  });

  it('a letter dated after today is refused at the date, naming today; a refusal with no field goes to the summary', () => {
    const future = new ValidationFailedError('The letter is dated in the future', [
      { path: 'letterDate', reason: 'must not be after today (2026-03-11)' },
    ]);
    expect(refusedLetterForm(page, future, LAWYER, {}, '2026-03-11').errors).toEqual({
      letterDate: ['不得晚于今天（2026-03-11）'],
    });
    const noAccount = new CaseHasNoAccountError(CASE);
    const form = refusedLetterForm(page, noAccount, LAWYER, {}, '2026-03-11');
    expect(form.errors).toEqual({});
    expect(form.general).toEqual(['本案件没有账户，通知书无金额可列，不能开具。']);
  });

  it('the panel names templates by title and labels inputs in the reader’s language; a fresh form is dated today with a new key', () => {
    const fresh = freshLetterState(CHOICES, VISIT.id);
    expect(fresh.form.values).toMatchObject({
      templateId: VISIT.id,
      letterDate: '2026-03-11',
      recipient: 'debtor',
    });
    expect(fresh.form.values.idempotencyKey).not.toBe(
      freshLetterState(CHOICES, VISIT.id).form.values.idempotencyKey,
    );
    const zh = letterPanel('zh', CASE, CHOICES, fresh);
    expect(zh.templates).toEqual([
      { value: LAWYER.id, label: '律师函' },
      { value: VISIT.id, label: '到访回执单' },
    ]);
    expect(zh.approvalKind).toBeNull();
    expect(zh.inputs.map((i) => [i.field, i.label, i.type, i.required])).toEqual([
      ['in-visitDate', '走访日期', 'date', true],
      ['in-agreed', '约定还款金额', 'text', false],
      ['in-instalments', '分期期数', 'text', false],
      ['in-note', '备注', 'text', false],
    ]);
    expect(letterPanel('en', CASE, CHOICES, fresh).inputs[0].label).toBe('Visit date');
    // Without a choice the pack's first template is offered, with its approval named.
    expect(letterPanel('zh', CASE, CHOICES, freshLetterState(CHOICES)).approvalKind).toBe(
      'legal-referral',
    );
  });
});
