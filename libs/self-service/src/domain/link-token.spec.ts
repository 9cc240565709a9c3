import {
  hashCode,
  hashToken,
  idTailMatches,
  maskName,
  newCode,
  newLinkToken,
  TOKEN_SHAPE,
} from './link-token';

describe('debtor links (issue 16 §3: unguessable, stored hashed, minimal data)', () => {
  it('a token carries 256 random bits as 43 base64url characters, stored as its sha256', () => {
    const token = newLinkToken();
    expect(token).toMatch(TOKEN_SHAPE);
    expect(newLinkToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a one-time code has six digits; the same code hashes apart on another link', () => {
    expect(newCode()).toMatch(/^\d{6}$/);
    expect(hashCode('link-a', '123456')).not.toBe(hashCode('link-b', '123456'));
  });

  it('masks the name: a person keeps the surname, an employer its first and last two characters', () => {
    expect(maskName('张三', 'person')).toBe('张*');
    expect(maskName('欧阳小明', 'person')).toBe('欧***');
    expect(maskName('某某建材有限公司', 'organisation')).toBe('某某****公司');
  });

  it('checks exactly the pack-set number of last ID characters (X in any case)', () => {
    expect(idTailMatches('11010519491231002X', '002x', 4)).toBe(true);
    expect(idTailMatches('11010519491231002X', '31002X', 6)).toBe(true);
    expect(idTailMatches('11010519491231002X', '1002X', 4)).toBe(false);
    expect(idTailMatches('11010519491231002X', '0021', 4)).toBe(false);
  });
});
