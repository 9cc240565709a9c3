import { ValidationFailedError } from '@qingshou/core';
import { NoticeFrontMatter, readFrontMatter } from './front-matter';
import { checkNoticeInput } from './notice-input';

const read = (yaml: string) => readFrontMatter(NoticeFrontMatter, yaml, 't');
const declared = read(`title: 走访回执
channel: document
input:
  - { name: visitDate, type: date, label: { zh: 走访日期, en: Visit date }, required: true }
  - { name: promised, type: money, label: { zh: 承诺金额, en: Promised } }
  - { name: remark, type: text, label: { zh: 备注, en: Remark }, maxLength: 5 }
`).input!;

function problems(given: unknown): { path: string; reason: string }[] {
  try {
    checkNoticeInput(declared, given);
  } catch (error) {
    return [...(error as ValidationFailedError).problems];
  }
  return [];
}

describe('user input a template declares (front matter input:)', () => {
  it('reads the declaration: three fields, the first required', () => {
    expect(declared.map((f) => [f.name, f.type, !!f.required])).toEqual([
      ['visitDate', 'date', true],
      ['promised', 'money', false],
      ['remark', 'text', false],
    ]);
  });

  it('keeps declared values, amounts with two decimals: 1200.5 → 1200.50', () => {
    expect(checkNoticeInput(declared, { visitDate: '2026-03-11', promised: 1200.5 })).toEqual({
      visitDate: '2026-03-11',
      promised: '1200.50',
    });
  });

  it('refuses an undeclared field by name (a caller cannot pass amounts as input)', () => {
    expect(problems({ visitDate: '2026-03-11', totalDue: '675.00' })).toEqual([
      {
        path: 'input.totalDue',
        reason: 'is not a field this template asks for (it asks for: visitDate, promised, remark)',
      },
    ]);
  });

  it('names a missing required field and values that do not fit their type', () => {
    expect(problems({ promised: '12.345', remark: '太长了的备注' })).toEqual([
      { path: 'input.visitDate', reason: 'is required' },
      {
        path: 'input.promised',
        reason: 'must be an amount of yuan such as 1200.50 (at most two decimals)',
      },
      { path: 'input.remark', reason: 'must be at most 5 characters' },
    ]);
  });

  it('refuses a declaration naming a field twice, with its path', () => {
    expect(() =>
      read(`title: x
channel: letter
input:
  - { name: a, type: text, label: { zh: 甲, en: A } }
  - { name: a, type: date, label: { zh: 乙, en: B } }
`),
    ).toThrow(/frontMatter\.input\[1\]\.name/);
  });
});
