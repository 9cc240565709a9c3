import { DEFAULT_CONTACT_RULES, judgeContact } from './contact-window';

const TZ = 'Asia/Shanghai';
/** A local Shanghai wall time as an instant. */
const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const call = (at: Date, party = 'debtor') => ({ channel: 'call', party, at });

describe('contact rules (docs/policy-packs.md §4 ContactRules; issue 4)', () => {
  it('a call at 20:59 is allowed; at 21:00 it is refused, next allowed 08:00 the next day', () => {
    expect(judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '20:59')), [])).toEqual(
      { allowed: true },
    );
    expect(judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '21:00')), [])).toEqual(
      {
        allowed: false,
        rule: 'contact.allowed-hours',
        reason: 'contact is allowed from 08:00 to 21:00',
        params: { start: '08:00', end: '21:00' },
        nextAllowedAt: local('2026-03-13', '08:00'),
      },
    );
  });

  it('a call at 07:59 is refused until 08:00 the same day', () => {
    const verdict = judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '07:59')), []);
    expect(verdict).toMatchObject({ allowed: false, nextAllowedAt: local('2026-03-12', '08:00') });
  });

  it('the 4th attempt of a day is refused (3 per day), next allowed 08:00 tomorrow', () => {
    const earlier = ['09:00', '10:00', '11:00'].map((t) => local('2026-03-12', t));
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '15:00')), earlier),
    ).toMatchObject({
      allowed: false,
      rule: 'contact.max-attempts-per-day',
      nextAllowedAt: local('2026-03-13', '08:00'),
    });
  });

  it('the 8th attempt in 7 days is refused (7 per 7 days) until the oldest drops out', () => {
    const seven = [
      local('2026-03-06', '10:00'),
      local('2026-03-06', '11:00'),
      ...['07', '08', '09', '10', '11'].map((d) => local(`2026-03-${d}`, '10:00')),
    ];
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '10:00')), seven),
    ).toEqual({
      allowed: false,
      rule: 'contact.max-attempts-per-7-days',
      reason: 'at most 7 attempts per debtor in 7 days',
      params: { max: 7 },
      nextAllowedAt: local('2026-03-13', '08:00'),
    });
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-13', '08:00')), seven),
    ).toEqual({ allowed: true });
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '10:00')), seven.slice(1)),
    ).toEqual({ allowed: true });
  });

  it('no unrelated third party: `other` is refused under debtor + guarantor, with no next time', () => {
    const verdict = judgeContact(
      DEFAULT_CONTACT_RULES,
      TZ,
      call(local('2026-03-12', '10:00'), 'other'),
      [],
    );
    expect(verdict).toEqual({
      allowed: false,
      rule: 'contact.allowed-parties',
      reason: 'the pack allows contacting only: debtor, guarantor',
      params: { parties: 'debtor,guarantor' },
    });
    const wider = {
      ...DEFAULT_CONTACT_RULES,
      allowedParties: ['debtor', 'guarantor', 'co-borrower'],
    };
    expect(judgeContact(wider, TZ, call(local('2026-03-12', '10:00'), 'other'), [])).toEqual({
      allowed: true,
    });
  });

  it('a letter is not a timed contact: posted at 22:00 it is allowed', () => {
    const letter = { channel: 'letter', party: 'debtor', at: local('2026-03-12', '22:00') };
    expect(judgeContact(DEFAULT_CONTACT_RULES, TZ, letter, [])).toEqual({ allowed: true });
  });

  it('a back-dated call that makes 8 in a 7-day window ending after it is refused (7 per 7 days; issue 11 §3)', () => {
    // 7 attempts in 10–16 March: two on the 10th, one a day 11th–15th.
    const seven = [
      local('2026-03-10', '09:00'),
      local('2026-03-10', '15:00'),
      ...['11', '12', '13', '14', '15'].map((d) => local(`2026-03-${d}`, '10:00')),
    ];
    const backDated = call(local('2026-03-12', '16:00'));
    // Counting only the attempts before it (4 in 6–12 March) would have let it through.
    const before = seven.filter((at) => at.getTime() <= backDated.at.getTime());
    expect(judgeContact(DEFAULT_CONTACT_RULES, TZ, backDated, before)).toEqual({ allowed: true });
    // The window 10–16 March contains it and already holds 7; every window containing the
    // 13th–16th holds them too, so the first date with room is the 17th.
    expect(judgeContact(DEFAULT_CONTACT_RULES, TZ, backDated, seven)).toEqual({
      allowed: false,
      rule: 'contact.max-attempts-per-7-days',
      reason: 'at most 7 attempts per debtor in 7 days',
      params: { max: 7 },
      nextAllowedAt: local('2026-03-17', '08:00'),
    });
    // Back-dated to the 8th it fits: the windows containing the 8th hold at most 6.
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-08', '16:00')), seven),
    ).toEqual({ allowed: true });
  });

  it('a back-dated 4th call of a day that already has 3 later ones is refused (3 per day)', () => {
    const later = ['17:00', '18:00', '19:00'].map((t) => local('2026-03-12', t));
    expect(
      judgeContact(DEFAULT_CONTACT_RULES, TZ, call(local('2026-03-12', '09:00')), later),
    ).toMatchObject({
      allowed: false,
      rule: 'contact.max-attempts-per-day',
      nextAllowedAt: local('2026-03-13', '08:00'),
    });
  });
});
