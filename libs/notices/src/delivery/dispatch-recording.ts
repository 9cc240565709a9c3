import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { DomainEvent, EventLog } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { applyDelivery, deadlineFor } from '../domain/delivery';
import { DOMAIN_EVENTS_TOPIC, NOTICE_AGGREGATE, NOTICE_EVENTS } from '../support/notice-events';
import { findNotice, saveDelivery } from '../support/notice-rows';
import type { DeliveryReceipt } from './delivery-adapter';
import { markFailed, markSent } from './dispatch-rows';
import type { ClaimedDispatch } from './render-message';
import type { FailureOutcome } from './retry-policy';

export const DISPATCH_EVENTS = {
  planned: 'NoticeDispatchesPlanned',
  dispatched: 'NoticeDispatched',
  failed: 'NoticeDispatchFailed',
} as const;

/** An sms, e-mail or WeChat message handed to its provider has been sent; a letter file not yet. */
const SENT_ON_DISPATCH = new Set(['sms', 'email', 'wechat']);

export interface RecordingContext {
  readonly em: EntityManager;
  readonly events: EventLog;
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly now: Date;
  readonly today: LocalDate;
}

const append = (ctx: RecordingContext, events: DomainEvent[]) =>
  ctx.events.append(
    ctx.em,
    {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      correlationId: ctx.correlationId,
      occurredAt: ctx.now,
    },
    events,
  );

/**
 * The dispatch is sent: its row, and for electronic channels the notice itself moves from
 * draft to sent today — its statutory deadline starts counting — all in one transaction
 * with the events. False when the claim was no longer ours (nothing is recorded twice).
 */
export async function recordSent(
  ctx: RecordingContext,
  claim: ClaimedDispatch,
  adapter: string,
  receipt: DeliveryReceipt,
): Promise<boolean> {
  const ok = await markSent(ctx.em, ctx.tenantId, { ...claim, adapter }, receipt, ctx.now);
  if (!ok) return false;
  const events: DomainEvent[] = [
    {
      type: DISPATCH_EVENTS.dispatched,
      aggregateType: NOTICE_AGGREGATE,
      aggregateId: claim.noticeId,
      payload: {
        noticeId: claim.noticeId,
        dispatchId: claim.id,
        channel: claim.channel,
        adapter,
        attempts: claim.attempts,
        providerMessageId: receipt.providerMessageId,
        note: receipt.note ?? null,
      },
      publish: [DOMAIN_EVENTS_TOPIC],
    },
  ];
  if (SENT_ON_DISPATCH.has(claim.channel)) {
    const delivery = await noticeSentToday(ctx, claim.noticeId);
    if (delivery) events.push(delivery);
  }
  await append(ctx, events);
  return true;
}

async function noticeSentToday(
  ctx: RecordingContext,
  noticeId: string,
): Promise<DomainEvent | null> {
  const notice = await findNotice(ctx.em, ctx.tenantId, { id: noticeId }, true);
  // Recorded by hand meanwhile (handed over on a visit): that record stands.
  if (!notice || notice.status !== 'draft') return null;
  const { next } = applyDelivery(notice, { status: 'sent', on: ctx.today });
  const deadline = deadlineFor(notice.deliveryRule, next);
  await saveDelivery(ctx.em, ctx.tenantId, noticeId, {
    ...deadline,
    status: 'sent',
    on: ctx.today,
    sentOn: next.sentOn,
    outcomeOn: next.outcomeOn,
    recordedBy: ctx.actorId,
    at: ctx.now,
    eventId: randomUUID(),
  });
  return {
    type: NOTICE_EVENTS.deliveryRecorded,
    aggregateType: NOTICE_AGGREGATE,
    aggregateId: noticeId,
    payload: {
      noticeId,
      caseId: notice.caseId,
      debtorId: notice.debtorId,
      status: 'sent',
      on: ctx.today,
      deadline: deadline.deadline,
      deadlineExplanation: deadline.explanation,
    },
    before: { status: notice.status, sentOn: notice.sentOn },
    after: { status: 'sent', sentOn: ctx.today, deadline: deadline.deadline },
    publish: [DOMAIN_EVENTS_TOPIC],
  };
}

export async function recordFailed(
  ctx: RecordingContext,
  claim: ClaimedDispatch,
  adapter: string,
  outcome: FailureOutcome,
): Promise<boolean> {
  const ok = await markFailed(ctx.em, ctx.tenantId, { ...claim, adapter }, outcome, ctx.now);
  if (!ok) return false;
  await append(ctx, [
    {
      type: DISPATCH_EVENTS.failed,
      aggregateType: NOTICE_AGGREGATE,
      aggregateId: claim.noticeId,
      payload: {
        noticeId: claim.noticeId,
        dispatchId: claim.id,
        channel: claim.channel,
        adapter,
        attempts: claim.attempts,
        error: outcome.error,
        retryable: outcome.retryable,
        nextAttemptAt: outcome.nextAttemptAt?.toISOString() ?? null,
      },
      publish: [DOMAIN_EVENTS_TOPIC],
    },
  ]);
  return true;
}
