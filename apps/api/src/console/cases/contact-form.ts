import { formatInTimeZone } from './contact-time';
import {
  CONTACT_OUTCOMES,
  CONTACT_PROBLEMS,
  ContactNotAllowedError,
  type ContactChannel,
  type ContactParty,
  type LogContactInput,
} from '@qingshou/collection';
import { instantOf } from '@qingshou/calendar';
import { DomainError, ValidationFailedError } from '@qingshou/core';
import type { Lang } from '../http/session';
import { translate, translateCode } from '../i18n/i18n';
import type { FormState } from '../forms/form-state';
import type { ContactWindow } from '../queries/get-contact-windows/get-contact-windows.query';
import type { ContactFormTerms } from '../queries/get-contact-terms/get-contact-terms.query';

/** The contact form's typed fields, as the API's LogContactBody names them. */
export const CONTACT_FIELDS = [
  'attemptedAt',
  'channel',
  'party',
  'outcomeCode',
  'nextFollowUpOn',
  'overdueReasonCode',
  'notes',
  'file',
  'promiseAmount',
  'promiseDueOn',
] as const;

/** A datetime-local value: a wall-clock time, no zone. */
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

/**
 * 联系时间 as typed is a wall-clock time in the tenant's zone (what the collector's watch
 * said); the command takes an instant. Anything else goes on as typed, for the DTO to judge.
 */
export function contactInstant(typed: string | undefined, timeZone: string): string | undefined {
  const match = typed ? WALL_TIME.exec(typed.trim()) : null;
  if (!match) return typed;
  return instantOf(match[1], match[2], timeZone).toISOString();
}

/**
 * The contact form as the page shows it: a fresh one's 联系时间 is now (to the minute, in
 * the tenant's zone) and its cause the case's current one; a refused one shows what was typed.
 */
export function contactFormShown(
  form: FormState,
  terms: ContactFormTerms,
  fresh: { now: Date; overdueReasonCode: string | null },
): FormState {
  const values = { ...form.values };
  values.attemptedAt ??= formatInTimeZone(fresh.now, terms.timeZone);
  if (values.overdueReasonCode === undefined && fresh.overdueReasonCode)
    values.overdueReasonCode = fresh.overdueReasonCode;
  return { ...form, values };
}

/** What the page shows of the pack's terms: the choices with their words, and the marks. */
export function contactChoices(lang: Lang, terms: ContactFormTerms) {
  const label = (item: { zh: string; en: string }) => (lang === 'en' ? item.en : item.zh);
  const outcomes =
    terms.resultCodes.length > 0
      ? terms.resultCodes.map((r) => ({
          value: r.code,
          // The code's default 下次跟进 in its option: the date left blank means that day.
          label:
            r.followUpDays === null
              ? label(r)
              : translate(lang, 'case.contact.outcomeFollowUp', {
                  label: label(r),
                  days: r.followUpDays,
                }),
        }))
      : CONTACT_OUTCOMES.map((code) => ({
          value: code,
          label: translateCode(lang, 'contact.outcome', code),
        }));
  return {
    outcomes,
    reasons: terms.reasonList.map((r) => ({ value: r.code, label: label(r) })),
    reasonRequired: terms.reasonRequired,
    showReasons: terms.reasons !== null,
    recordingChannels: terms.requireRecording
      .map((c) => translateCode(lang, 'contact.channel', c))
      .join(translate(lang, 'rule.listSeparator')),
    backdateLimitHours: terms.backdateLimitHours,
  };
}

/** The words of the pack's codes, for the timeline (a code without words stays a code). */
export function contactLabels(lang: Lang, terms: ContactFormTerms) {
  const pick = (item: { zh: string; en: string }) => (lang === 'en' ? item.en : item.zh);
  return {
    results: Object.fromEntries(terms.resultCodes.map((r) => [r.code, pick(r)])),
    reasons: Object.fromEntries(terms.reasonList.map((r) => [r.code, pick(r)])),
  };
}

/** The posted values as the command's input (the file is added by the controller). */
export function contactInput(
  caseId: string,
  v: Record<string, string | undefined>,
  timeZone: string,
): LogContactInput {
  return {
    caseId,
    channel: v.channel as ContactChannel,
    party: v.party as ContactParty,
    outcomeCode: v.outcomeCode ?? '',
    notes: v.notes,
    attemptedAt: contactInstant(v.attemptedAt, timeZone),
    overdueReasonCode: v.overdueReasonCode,
    nextFollowUpOn: v.nextFollowUpOn,
    promise:
      v.promiseAmount || v.promiseDueOn
        ? { amount: v.promiseAmount, dueOn: v.promiseDueOn }
        : undefined,
  };
}

const PROBLEM_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CONTACT_PROBLEMS).map(([key, reason]) => [reason, `contact.problem.${key}`]),
);

/**
 * The command's refusal with its field reasons in the page's language (the API keeps its
 * English): worded before the form sees them, which passes Chinese reasons through as they are.
 */
export function inWords(error: unknown, lang: Lang, terms: ContactFormTerms): unknown {
  if (!(error instanceof DomainError)) return error;
  if (!error.problems.some((p) => PROBLEM_KEYS[p.reason])) return error;
  const problems = error.problems.map((p) =>
    PROBLEM_KEYS[p.reason]
      ? {
          ...p,
          reason: translate(lang, PROBLEM_KEYS[p.reason], { hours: terms.backdateLimitHours }),
        }
      : p,
  );
  return new ValidationFailedError(error.message, problems);
}

/** A refusal by the contact rules, judged at the contact's own time, as the page shows it. */
export function refusalOf(
  error: unknown,
  channel: ContactChannel,
  party: ContactParty,
): ContactWindow | null {
  if (!(error instanceof ContactNotAllowedError)) return null;
  const d = error.decision;
  return {
    channel,
    party,
    allowed: false,
    rule: d.rule,
    reason: d.reason,
    params: d.params ?? {},
    nextAllowedAt: d.nextAllowedAt?.toISOString() ?? null,
  };
}
