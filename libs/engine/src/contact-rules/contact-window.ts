import { addDays, instantOf, localDateOf, localTimeOf } from '@qingshou/calendar';

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
      /** The rule's figures, for a message in the reader's language (`rule.<rule>` slots). */
      readonly params: Readonly<Record<string, string | number>>;
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
 * - attempts per debtor per local day, and in every 7-local-day window (a date and the 6
 *   before) that contains the attempt's date; next allowed on the first later date where one
 *   more attempt fits every rule.
 *
 * `previous` are the debtor's other timed attempts near the date, earlier or later (any
 * case, any party): a contact logged after the fact is judged against both.
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
      params: { parties: rules.allowedParties.join(',') },
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
      params: { start, end },
      nextAllowedAt: time < start ? opens(day) : opens(addDays(day, 1)),
    };
  }
  // Every neighbour counts, earlier or later: a contact logged after the fact can fill a
  // day or a 7-day window that ends after it (issue 11 §3).
  const days = previous.map((at) => localDateOf(at, timeZone));
  const onDay = (date: string) => days.filter((d) => d === date).length;
  const fullWeek = (date: string) => fullWindowContaining(days, date, rules.maxAttemptsPer7Days);
  const fits = (date: string) => onDay(date) < rules.maxAttemptsPerDay && !fullWeek(date);
  if (onDay(day) >= rules.maxAttemptsPerDay) {
    return {
      allowed: false,
      rule: 'contact.max-attempts-per-day',
      reason: `at most ${rules.maxAttemptsPerDay} attempts per debtor per day`,
      params: { max: rules.maxAttemptsPerDay },
      nextAllowedAt: opens(nextFitting(day, fits)),
    };
  }
  if (fullWeek(day)) {
    return {
      allowed: false,
      rule: 'contact.max-attempts-per-7-days',
      reason: `at most ${rules.maxAttemptsPer7Days} attempts per debtor in 7 days`,
      params: { max: rules.maxAttemptsPer7Days },
      nextAllowedAt: opens(nextFitting(day, fits)),
    };
  }
  return { allowed: true };
}

/**
 * Whether one more attempt on `date` would exceed the cap in some 7-day window (a date and
 * the 6 before) that contains it: the windows starting 6 days before it up to the date itself.
 */
function fullWindowContaining(days: readonly string[], date: string, cap: number): boolean {
  for (let back = 6; back >= 0; back--) {
    const start = addDays(date, -back);
    const end = addDays(start, 6);
    // ISO dates (YYYY-MM-DD) order as strings: no date arithmetic per attempt, per window,
    // per row of a worklist page (a CPU profile at 1M accounts, issue 15 §1).
    const inWindow = days.filter((d) => d >= start && d <= end).length;
    if (inWindow >= cap) return true;
  }
  return false;
}

/** The first date after `day` on which one more attempt fits (the attempts are finite). */
function nextFitting(day: string, fits: (date: string) => boolean): string {
  let date = addDays(day, 1);
  while (!fits(date)) date = addDays(date, 1);
  return date;
}
