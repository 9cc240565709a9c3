import { findBadInput, MAX_DEPTH } from './input-guard';

describe('issue 14: bad input is refused naming the field', () => {
  it('a NUL byte, a DEL or a C1 control in any string is refused; tab, newline, CR are free text', () => {
    expect(findBadInput({ note: 'a\u0000b' }, 'body')).toEqual([
      { path: 'body.note', reason: expect.stringMatching(/control characters/) },
    ]);
    expect(findBadInput({ items: [{ x: 'ok' }, { x: '\u007f' }] }, 'body')[0]?.path).toBe(
      'body.items[1].x',
    );
    expect(findBadInput({ note: 'line\none\tand\r\ntwo' }, 'body')).toEqual([]);
  });

  it('a lone high or low surrogate is refused; a real pair (emoji, rare hanzi) is accepted', () => {
    expect(findBadInput({ name: 'x\ud800' }, 'body')[0]?.path).toBe('body.name');
    expect(findBadInput({ note: '\udc00x' }, 'body')[0]?.path).toBe('body.note');
    expect(findBadInput({ name: '𠀀😀' }, 'body')).toEqual([]);
  });

  it('dates outside 1900–2100 are refused, in the body and the query', () => {
    expect(findBadInput({ paidOn: '0000-01-01' }, 'body')).toEqual([
      { path: 'body.paidOn', reason: 'must be a date between 1900 and 2100' },
    ]);
    expect(findBadInput({ asOf: '2101-01-01' }, 'query')[0]?.path).toBe('query.asOf');
    expect(findBadInput({ dueAt: '1899-12-31T23:00:00+08:00' }, 'body')).toHaveLength(1);
    // Whether the day exists is the handler's check (its own message), not the guard's.
    expect(findBadInput({ on: '2026-02-30' }, 'body')).toEqual([]);
    expect(findBadInput({ a: '1900-01-01', b: '2100-12-31T09:00:00Z' }, 'body')).toEqual([]);
  });

  it('a name of only a zero-width space, or holding an RLO/LRO, is refused; a Chinese name passes', () => {
    expect(findBadInput({ name: '\u200b' }, 'body')[0]?.reason).toBe(
      'must contain a visible character',
    );
    expect(findBadInput({ debtor: { fullName: '张\u202e三' } }, 'body')[0]?.path).toBe(
      'body.debtor.fullName',
    );
    expect(findBadInput({ displayName: '\u202d李四' }, 'body')).toHaveLength(1);
    expect(findBadInput({ name: '王五', username: 'wang' }, 'body')).toEqual([]);
  });

  it(`nesting deeper than ${MAX_DEPTH} is refused once, and 30,000 deep does not overflow`, () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 30_000; i += 1) deep = { a: deep };
    const problems = findBadInput(deep, 'body');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toBe(`is nested deeper than ${MAX_DEPTH} levels`);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH - 1; i += 1) ok = [ok];
    expect(findBadInput(ok, 'body')).toEqual([]);
  });
});
