import {
  compareLocalDates,
  LocalDate,
  noticeDeadline,
  PRC_PUBLIC_CALENDAR,
  WorkingDayCalendar,
} from '@qingshou/calendar';
import { ConflictError, DomainError } from '@qingshou/core';
import type { DeliveryRule, NoticeChannel } from '../rendering/front-matter';

export const NOTICE_STATUSES = [
  'draft',
  'sent',
  'signed',
  'refused',
  'undeliverable',
  'delivered',
  'failed',
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What a delivery report may say; a notice is never recorded back to draft. */
export const DELIVERY_STATUSES = NOTICE_STATUSES.filter((s) => s !== 'draft') as Exclude<
  NoticeStatus,
  'draft'
>[];
export type DeliveryStatus = Exclude<NoticeStatus, 'draft'>;

/**
 * A posted letter ends signed, refused or undeliverable; an sms, e-mail or WeChat message
 * delivered or failed; a posting on a notice board or a paper kept on file is delivered.
 */
const OUTCOMES: Record<NoticeChannel, readonly DeliveryStatus[]> = {
  letter: ['signed', 'refused', 'undeliverable'],
  'registered-mail': ['signed', 'refused', 'undeliverable'],
  sms: ['delivered', 'failed'],
  email: ['delivered', 'failed'],
  wechat: ['delivered', 'failed'],
  'notice-board': ['delivered'],
  document: ['delivered'],
};

/**
 * Outcomes that can be recorded on a draft, meaning it went out that same day: a letter
 * handed over on a visit and signed for or refused there (篇一 第三步 到访回执单), or a
 * message whose gateway reports the outcome without a separate "sent". A letter cannot be
 * undeliverable before anyone posted it.
 */
const FROM_DRAFT: readonly DeliveryStatus[] = ['sent', 'signed', 'refused', 'delivered', 'failed'];

export class DeliveryRefusedError extends DomainError {
  constructor(message: string) {
    super('notice-delivery-refused', message, 422);
  }
}

export interface DeliveryState {
  readonly status: NoticeStatus;
  readonly channel: NoticeChannel;
  readonly sentOn: LocalDate | null;
  readonly outcomeOn: LocalDate | null;
}

export interface DeliveryFact {
  readonly status: DeliveryStatus;
  readonly on: LocalDate;
}

/**
 * The state after a delivery fact, or `repeat` when the same fact was already recorded (a
 * retried request changes nothing). Recorded outcomes are final: correcting one is a
 * separate, audited command, not a second report.
 */
export function applyDelivery(
  state: DeliveryState,
  fact: DeliveryFact,
): { next: DeliveryState; repeat: boolean } {
  const { status, on } = fact;
  const repeat =
    state.status === status && (status === 'sent' ? state.sentOn : state.outcomeOn) === on;
  if (repeat) return { next: state, repeat: true };
  if (status !== 'sent' && !OUTCOMES[state.channel].includes(status)) {
    throw new DeliveryRefusedError(
      `A ${state.channel} cannot be ${status}; it ends ${OUTCOMES[state.channel].join(', ')}`,
    );
  }
  if (state.status === 'draft') {
    if (!FROM_DRAFT.includes(status)) {
      throw new DeliveryRefusedError(`Record when the notice was sent before it is ${status}`);
    }
    return {
      next: { ...state, status, sentOn: on, outcomeOn: status === 'sent' ? null : on },
      repeat: false,
    };
  }
  if (state.status === 'sent' && status !== 'sent') {
    if (compareLocalDates(on, state.sentOn as LocalDate) < 0) {
      throw new DeliveryRefusedError(
        `It cannot be ${status} on ${on}, before it was sent on ${state.sentOn}`,
      );
    }
    return { next: { ...state, status, outcomeOn: on }, repeat: false };
  }
  const when = state.status === 'sent' ? state.sentOn : state.outcomeOn;
  throw new ConflictError(
    `The notice is already ${state.status} on ${when}; a recorded delivery is not overwritten`,
  );
}

export interface DeadlineFields {
  readonly deadline: LocalDate | null;
  /** The day counting starts from, itself not counted. */
  readonly countFrom: LocalDate | null;
  readonly explanation: string | null;
}

const NONE: DeadlineFields = { deadline: null, countFrom: null, explanation: null };

/**
 * The deadline a delivery state gives under `rule` (DESIGN §4): the start day is not
 * counted; a period ending on a holiday ends on the next working day. An sms or e-mail
 * delivered counts like a signed receipt. Legal periods use the statutory calendar, never a
 * tenant's own working days, which could shorten a debtor's period.
 */
export function deadlineFor(
  rule: DeliveryRule | null,
  state: DeliveryState,
  calendar: WorkingDayCalendar = PRC_PUBLIC_CALENDAR,
): DeadlineFields {
  if (!rule || state.status === 'draft') return NONE;
  if (state.status === 'failed') {
    return { ...NONE, explanation: '发送失败，期限不起算' };
  }
  const base = { ...rule, sentOn: state.sentOn as LocalDate, calendar };
  const result =
    state.status === 'sent'
      ? noticeDeadline({ ...base, outcome: 'pending' })
      : state.status === 'signed' || state.status === 'delivered'
        ? noticeDeadline({ ...base, outcome: 'signed', signedOn: state.outcomeOn as LocalDate })
        : noticeDeadline({ ...base, outcome: state.status });
  return {
    deadline: result.deadline,
    countFrom: result.countFrom,
    explanation: result.explanation.zh,
  };
}
