import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { validateResidentId } from './resident-id.validator';
import { validateSocialCreditCode } from './social-credit-code.validator';

const FIXTURES = join(__dirname, '../../../../../test/fixtures');
const BOM = '\uFEFF';

/** The UTF-8 (with BOM) sample files; the *.gbk.csv card files need iconv and are skipped. */
function column(header: string): { file: string; value: string }[] {
  const out: { file: string; value: string }[] = [];
  for (const file of readdirSync(FIXTURES).filter(
    (f) => f.endsWith('.csv') && !f.includes('.gbk.'),
  )) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    // The samples contain no quoted fields, so a plain split is exact.
    const [head, ...rows] = text
      .slice(1)
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const index = head.split(',').indexOf(header);
    if (index >= 0) rows.forEach((r) => out.push({ file, value: r.split(',')[index] }));
  }
  return out;
}

describe('sample import files (test/fixtures)', () => {
  it('every 身份证号 in the UTF-8 samples is valid (110 numbers in 3 files)', () => {
    const ids = column('身份证号');
    expect(ids).toHaveLength(110);
    expect(new Set(ids.map((i) => i.file)).size).toBe(3);
    const bad = ids
      .map((i) => ({ ...i, result: validateResidentId(i.value, '2026-03-01') }))
      .filter((i) => !i.result.ok);
    expect(bad).toEqual([]);
  });

  it('every 统一社会信用代码 in the UTF-8 samples is valid (50 codes in 2 files)', () => {
    const codes = column('统一社会信用代码');
    expect(codes).toHaveLength(50);
    const bad = codes.filter((c) => !validateSocialCreditCode(c.value).ok);
    expect(bad).toEqual([]);
  });
});
