import { addDays, compareLocalDates, localDateOf, type LocalDate } from '@qingshou/calendar';
import type { Labelled } from '../domain/overdue-reasons';
import type { ContactResultCode, ContactTerms } from '../ports/contact-policy';
import { checkedPromise } from '../record-promise/add-promise';
import { dateArg, invalidArgument } from '../support/args';
import { CONTACT_PROBLEMS, LogContactInput } from './log-contact.command';

/** Hours in milliseconds. */
const HOUR_MS = 3_600_000;

/** Clocks on phones drift; a contact "in the future" by more than this is a typo. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * What the pack asks of the typed fields, before anything is written: the result code is
 * one of the office's, the cause is given where 篇六 requires it, a call carries its
 * recording where 篇八 requires it, notes where the pack requires them, a promise has both its amount and its date.
 */
export function checkContactFields(
  input: LogContactInput,
  terms: ContactTerms,
  reasons: readonly Labelled[],
): {
  result: ContactResultCode | null;
  reason: string | null;
  promise: { amount: string; dueOn: LocalDate } | null;
  followUpOn: LocalDate | null;
} {
  const result = terms.resultCodes.find((r) => r.code === input.outcomeCode) ?? null;
  if (terms.resultCodes.length > 0 && !result) {
    invalidArgument('outcomeCode', CONTACT_PROBLEMS.unknownResult);
  }
  const reasonCode = input.overdueReasonCode?.trim() || null;
  if (reasonCode && !reasons.some((r) => r.code === reasonCode)) {
    invalidArgument(
      'overdueReasonCode',
      `must be one of: ${reasons.map((r) => r.code).join(', ')}`,
    );
  }
  if (!reasonCode && terms.reasonRequired) {
    invalidArgument('overdueReasonCode', CONTACT_PROBLEMS.reasonRequired);
  }
  if (terms.requireRecording.includes(input.channel) && !input.file?.data.length) {
    invalidArgument('file', CONTACT_PROBLEMS.recordingRequired);
  }
  if (terms.requireNotes && !input.notes?.trim()) {
    invalidArgument('notes', CONTACT_PROBLEMS.notesRequired);
  }
  const amount = input.promise?.amount?.trim();
  const dueOn = input.promise?.dueOn?.trim();
  if (dueOn && !amount) invalidArgument('promiseAmount', CONTACT_PROBLEMS.promiseAmount);
  if (amount && !dueOn) invalidArgument('promiseDueOn', CONTACT_PROBLEMS.promiseDueOn);
  const promise =
    amount && dueOn
      ? checkedPromise({ amount, dueOn }, { amount: 'promiseAmount', dueOn: 'promiseDueOn' })
      : null;
  const followUpOn = input.nextFollowUpOn?.trim()
    ? dateArg(input.nextFollowUpOn.trim(), 'nextFollowUpOn')
    : null;
  return { result, reason: reasonCode, promise, followUpOn };
}

/** The contact's time: not in the future, not earlier than the pack lets it be logged. */
export function checkAttemptedAt(attemptedAt: Date, now: Date, terms: ContactTerms): void {
  if (attemptedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    invalidArgument('attemptedAt', CONTACT_PROBLEMS.future);
  }
  if (attemptedAt.getTime() < now.getTime() - terms.backdateLimitHours * HOUR_MS) {
    invalidArgument('attemptedAt', CONTACT_PROBLEMS.backdated);
  }
}

/**
 * The 下次跟进日期: as typed (today or later), else the result code's days from the
 * contact's date (never before today), else none.
 */
export function followUpDate(
  typed: LocalDate | null,
  result: ContactResultCode | null,
  attemptedAt: Date,
  timeZone: string,
  today: LocalDate,
): LocalDate | null {
  if (typed) {
    if (compareLocalDates(typed, today) < 0)
      invalidArgument('nextFollowUpOn', CONTACT_PROBLEMS.followUpPast);
    return typed;
  }
  if (result?.followUpDays === null || result?.followUpDays === undefined) return null;
  const due = addDays(localDateOf(attemptedAt, timeZone), result.followUpDays);
  return compareLocalDates(due, today) < 0 ? today : due;
}
