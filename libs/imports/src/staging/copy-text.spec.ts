import { CopyLineEncoder, copyEscape, tempTableSql } from './copy-text';

describe('COPY text encoding', () => {
  const encoder = new CopyLineEncoder([
    { name: 'n', type: 'int' },
    { name: 'name', type: 'text' },
    { name: 'flag', type: 'boolean' },
    { name: 'dates', type: 'date[]' },
    { name: 'codes', type: 'text[]' },
  ]);

  it('escapes backslash, tab, newline and carriage return; NULL and an empty list travel as \\N', () => {
    expect(copyEscape('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(encoder.line({ n: 1, name: null, flag: false, dates: null, codes: [] })).toBe(
      '1\t\\N\tf\t\\N\t\\N\n',
    );
  });

  it('quotes text array elements, so a comma, brace or the word NULL in a village name stays data', () => {
    const line = encoder.line({
      n: 2,
      name: '前营村',
      flag: true,
      dates: ['2026-01-31', '2026-02-28'],
      codes: ['东庄,一组', 'NULL', 'a"b\\c'],
    });
    expect(line).toBe(
      '2\t前营村\tt\t{2026-01-31,2026-02-28}\t{"东庄,一组","NULL","a\\\\"b\\\\\\\\c"}\n',
    );
  });

  it('creates the stage as a TEMP table dropped at commit', () => {
    expect(tempTableSql('s', [{ name: 'a', type: 'int' }], 'b boolean')).toBe(
      'create temp table s (a int, b boolean) on commit drop',
    );
  });
});
