import { residentIdCheckChar, validateResidentId } from './resident-id.validator';

const asOf = '2026-03-01';

describe('居民身份证号码 GB 11643-1999', () => {
  it('computes the MOD 11-2 check character: 11010519491231002 → X, 34010419981010033 → 8', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('34010419981010033')).toBe('8');
  });

  it('accepts a valid number and reads birth date and gender from it: 340104199810100338 → 1998-10-10, male', () => {
    expect(validateResidentId('340104199810100338', asOf)).toEqual({
      ok: true,
      value: '340104199810100338',
      birthDate: '1998-10-10',
      gender: 'male',
    });
  });

  it("normalises a lowercase x: '11010519491231002x' → '11010519491231002X', female (17th digit 2)", () => {
    expect(validateResidentId('11010519491231002x', asOf)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
      gender: 'female',
    });
  });

  it('upgrades a 15-digit legacy number by inserting 19 and the check character: 110105670523465 → 11010519670523465X', () => {
    expect(validateResidentId('110105670523465', asOf)).toMatchObject({
      ok: true,
      value: '11010519670523465X',
      birthDate: '1967-05-23',
      gender: 'male',
    });
  });

  it('refuses full-width digits (１１０１…) with a reason in English and Chinese', () => {
    const r = validateResidentId('１１０１０５１９４９１２３１００２Ｘ', asOf);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/full-width/);
      expect(r.reasonZh).toMatch(/全角/);
    }
  });

  it.each([
    [
      'a wrong check digit (7 where MOD 11-2 gives 8)',
      '340104199810100337',
      /check character is 7 .* gives 8/,
    ],
    [
      'a birth date that does not exist (2000-02-30)',
      '110105200002300015',
      /2000-02-30 is not a calendar day/,
    ],
    ['a birth date after asOf (2027-01-01)', '110105202701010016', /after 2026-03-01/],
    ['an unknown province (00)', '00010519491231002X', /unknown region code/],
    ['16 characters', '1101051949123100', /18 characters/],
    ['a check character other than 0-9 or X (Y)', '11010519491231002Y', /18 characters/],
  ])('refuses %s: %s', (_rule, id, why) => {
    const r = validateResidentId(id, asOf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });
});
