import { checkedNoticeData, checkNoticeData, cloneNoticeData, NoticeData } from './notice-data';

/** The fused walk must answer exactly what the two separate functions answer. */
describe('checkedNoticeData = checkNoticeData + cloneNoticeData', () => {
  const deep = (n: number): unknown => (n === 0 ? 'leaf' : { a: deep(n - 1) });
  const sparse: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const nullProto = Object.assign(Object.create(null) as object, { x: 1, y: [2, { z: 'w' }] });
  const cases: [string, unknown][] = [
    ['a letter', { debtor: { name: '张三', id: '110105199001011234' }, amount: '1234.50', n: 3 }],
    ['negative zero and nested arrays', { a: -0, b: [[-0, 1.5e21], { c: null }], d: true }],
    ['a sparse array', { list: sparse }],
    ['a null-prototype object', { o: nullProto }],
    ['an undefined field', { a: undefined, b: 1 }],
    ['a function and a NaN', { f: () => 1, g: [NaN, Infinity] }],
    ['a Date', { when: new Date(0) }],
    ['a forbidden key', { ok: 1, constructor: 2, nested: { toString: 'x' } }],
    ['too deep', { top: deep(20) }],
    ['an array at the top', [1, 2]],
    ['null', null],
    ['over 256 KiB', { big: 'x'.repeat(300 * 1024) }],
    ['many multibyte characters under the limit', { text: '清'.repeat(80_000) }],
    ['many multibyte characters over the limit', { text: '清'.repeat(90_000) }],
    [
      'twenty-five problems',
      Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, NaN])),
    ],
  ];

  it.each(cases)('%s', (_name, value) => {
    const problems = checkNoticeData(value);
    const result = checkedNoticeData(value);
    expect(result.problems).toEqual(problems);
    if (problems.length === 0) {
      expect(result.copy).toStrictEqual(cloneNoticeData(value as NoticeData));
      expect(JSON.stringify(result.copy)).toBe(JSON.stringify(value));
      expect(result.copy).not.toBe(value);
    } else {
      expect(result.copy).toBeNull();
    }
  });
});
