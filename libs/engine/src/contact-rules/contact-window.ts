import {
  addDays,
  compareLocalDates,
  instantOf,
  localDateOf,
  localTimeOf,
} from '@qingshou/calendar';

/** The pack's contactRules with their defaults filled in (docs/policy-packs.md §4). */
export interface ContactRules {
  readonly allowedHours: { readonly start: string; readonly end: string };
  readonly maxAttemptsPerDay: number;
  readonly maxAttemptsPer7Days: number;
  readonly allowedParties: readonly string[];
}

export const DEFAULT_CONTACT_RULES: ContactRules = {
  allowedHours: { start: '08:00', end: '21:00' },
  maxAttemptsPerDay: 3,
  maxAttemptsPer7Days: 7,
  allowedParties: ['debtor', 'guarantor'],
};

/** Channels that reach a person at a moment; a letter is posted, not a call at 23:00. */
export const TIMED_CHANNELS = ['call', 'sms', 'visit', 'wechat'] as const;

export interface ContactAttempt {
  readonly channel: string;
  /** debtor, guarantor, or other (a co-borrower or emergency contact on the debtor's file). */
  readonly party: string;
  readonly at: Date;
}

export type ContactVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly rule: string;
      readonly reason: string;
      readonly nextAllowedAt?: Date;
    };

/**
 * Judges one contact attempt against the pack's rules, in the tenant's zone:
 *
 * - parties: the debtor and the parties the pack allows; collection records co-borrowers
 *   and emergency contacts as `other`, so `other` passes only if the pack allows one of them.
 *   No unrelated third parties (篇八), ever: no next time.
 * - allowed hours: start inclusive, end exclusive — 20:59 is allowed, 21:00 is not; next
 *   allowed at the next start.
 * - attempts per debtor per local day, and per 7 local days (the date and the 6 before):
 *   next allowed when the oldest counted attempt drops out of the window.
 *
 * `previous` are the debtor's earlier timed attempts (any case, any party).
 */
export function judgeContact(
  rules: ContactRules,
  timeZone: string,
  attempt: ContactAttempt,
  previous: readonly Date[],
): ContactVerdict {
  const parties =
    attempt.party === 'other' ? ['co-borrower', 'emergency-contact'] : [attempt.party];
  if (!parties.some((p) => rules.allowedParties.includes(p))) {
    return {
      allowed: false,
      rule: 'contact.allowed-parties',
      reason: `the pack allows contacting only: ${rules.allowedParties.join(', ')}`,
    };
  }
  if (!(TIMED_CHANNELS as readonly string[]).includes(attempt.channel)) return { allowed: true };
  const { start, end } = rules.allowedHours;
  const day = localDateOf(attempt.at, timeZone);
  const time = localTimeOf(attempt.at, timeZone);
  const opens = (date: string) => instantOf(date, start, timeZone);
  if (time < start || time >= end) {
    return {
      allowed: false,
      rule: 'contact.allowed-hours',
      reason: `contact is allowed from ${start} to ${end}`,
      nextAllowedAt: time < start ? opens(day) : opens(addDays(day, 1)),
    };
  }
  const days = previous
    .filter((at) => at.getTime() <= attempt.at.getTime())
    .map((at) => localDateOf(at, timeZone));
  if (days.filter((d) => d === day).length >= rules.maxAttemptsPerDay) {
    return {
      allowed: false,
      rule: 'contact.max-attempts-per-day',
      reason: `at most ${rules.maxAttemptsPerDay} attempts per debtor per day`,
      nextAllowedAt: opens(addDays(day, 1)),
    };
  }
  const weekStart = addDays(day, -6);
  const inWeek = days
    .filter((d) => compareLocalDates(d, weekStart) >= 0 && compareLocalDates(d, day) <= 0)
    .sort(compareLocalDates);
  if (inWeek.length >= rules.maxAttemptsPer7Days) {
    // Allowed again on the first day whose 7-day window holds fewer than the limit.
    const dropOut = inWeek[inWeek.length - rules.maxAttemptsPer7Days];
    return {
      allowed: false,
      rule: 'contact.max-attempts-per-7-days',
      reason: `at most ${rules.maxAttemptsPer7Days} attempts per debtor in 7 days`,
      nextAllowedAt: opens(addDays(dropOut, 7)),
    };
  }
  return { allowed: true };
}
