import { ValidationFailedError } from '@qingshou/core';
import { DEFAULT_MAPPINGS, resolveMapping } from './mapping-registry';

function problems(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).problems.map((p) => p.path);
  }
  throw new Error('expected a ValidationFailedError');
}

describe('the mapping registry', () => {
  it('has a mapping for every sample file plus the generic accounts and payments', () => {
    expect([...DEFAULT_MAPPINGS.keys()].sort()).toEqual([
      'accounts',
      'card-cases',
      'card-repayments',
      'coop-npl',
      'employer-contributions',
      'housing-fund-loans',
      'leasing-receivables',
      'payments',
      'student-loans',
    ]);
  });

  it('defaults by kind and refuses a mapping of another kind', () => {
    expect(resolveMapping('cases').name).toBe('card-cases');
    expect(problems(() => resolveMapping('payments', 'coop-npl'))).toEqual(['mapping']);
  });

  it('accepts a caller’s mapping as JSON and lists every problem of a bad one', () => {
    const own = {
      name: 'county-loans',
      kind: 'accounts',
      source: 'county',
      columns: [
        { field: 'debtorName', headers: ['姓名'], required: true, parse: 'string' },
        { field: 'idNumber', headers: ['身份证'], required: true, parse: 'string' },
        { field: 'principal', headers: ['金额'], required: true, parse: 'decimal' },
      ],
    };
    expect(resolveMapping('accounts', JSON.stringify(own)).name).toBe('county-loans');
    const bad = {
      ...own,
      source: '',
      columns: [
        ...own.columns.slice(1),
        { field: 'shoeSize', headers: ['鞋码'], required: false, parse: 'float' },
      ],
    };
    expect(problems(() => resolveMapping('accounts', bad))).toEqual([
      'mapping.source',
      'mapping.columns[2].parse',
      'mapping.columns',
      'mapping.columns',
    ]);
  });
});
