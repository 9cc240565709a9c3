import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { isLocalDate, type LocalDate } from '@qingshou/calendar';
import { EventLog, TenantTx } from '@qingshou/db';
import { DeliveryAdapter } from '../delivery/delivery-adapter';
import { DeliveryAdapters } from '../delivery/delivery-adapters';
import {
  DISPATCH_EVENTS,
  recordFailed,
  recordSent,
  RecordingContext,
} from '../delivery/dispatch-recording';
import {
  claimDispatches,
  planDispatches,
  releaseClaim,
  staleDispatches,
} from '../delivery/dispatch-rows';
import { ClaimedDispatch, renderMessages } from '../delivery/render-message';
import { CLAIM_LEASE_MS, failureOutcome, MAX_DISPATCH_ATTEMPTS } from '../delivery/retry-policy';
import { InputProblems, NoticeContext } from '../support/notice-context';
import { DOMAIN_EVENTS_TOPIC } from '../support/notice-events';
import { DispatchNotices, DispatchSummary } from './dispatch-notices.command';

const DEFAULT_BATCH = 50;

interface Tally {
  planned: number;
  unaddressed: number;
  sent: number;
  failed: number;
  retrying: number;
  recovered: number;
  unknown: number;
}

/**
 * Plan (one INSERT … SELECT), recover claims a dead worker left, then claim → render →
 * send → record, a batch at a time. A claim commits before its send; each result commits
 * right after it, so a crash loses at most the outcome of the message in flight, and that
 * dispatch is recovered, not resent blindly.
 */
@CommandHandler(DispatchNotices)
export class DispatchNoticesHandler implements ICommandHandler<DispatchNotices, DispatchSummary> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly context: NoticeContext,
    private readonly adapters: DeliveryAdapters,
  ) {}

  async execute(command: DispatchNotices): Promise<DispatchSummary> {
    requirePermission(viewerOf(command), 'notice.dispatch');
    const asOf = command.asOf ?? null;
    if (asOf !== null && !isLocalDate(asOf)) {
      const problems = new InputProblems();
      problems.add('asOf', 'must be a date written YYYY-MM-DD');
      problems.done('The dispatch run');
    }
    const tally: Tally = {
      planned: 0,
      unaddressed: 0,
      sent: 0,
      failed: 0,
      retrying: 0,
      recovered: 0,
      unknown: 0,
    };
    const channels = this.adapters.channels();
    if (channels.length === 0) return tally;
    const now = this.context.now();
    const today = await this.tx.run(command.tenantId, async (em) => {
      const tenant = await this.context.tenant(em, command.tenantId);
      await this.recoverStale(this.recording(command, em, now, tenant.today), channels, tally);
      const plan = await planDispatches(em, command.tenantId, { channels, asOf, now });
      Object.assign(tally, plan);
      if (plan.planned > 0) await this.appendPlanned(command, em, now, asOf, plan);
      return tenant.today;
    });
    const size = Math.max(1, Math.min(command.options.batchSize ?? DEFAULT_BATCH, 500));
    for (;;) {
      const claimed = await this.tx.run(command.tenantId, (em) =>
        claimDispatches(em, command.tenantId, {
          channels,
          now,
          limit: size,
          maxAttempts: MAX_DISPATCH_ATTEMPTS,
        }),
      );
      if (claimed.length === 0) break;
      await this.sendBatch(command, claimed, now, today, tally);
      await command.options.onProgress?.({ ...tally });
    }
    return tally;
  }

  private recording(
    command: DispatchNotices,
    em: RecordingContext['em'],
    now: Date,
    today: LocalDate,
  ): RecordingContext {
    const { tenantId, actorId, correlationId } = command;
    return { em, events: this.events, tenantId, actorId, correlationId, now, today };
  }

  /** Per channel adapter: one batch (one SMTP connection, one browser), each result committed. */
  private async sendBatch(
    command: DispatchNotices,
    claimed: readonly ClaimedDispatch[],
    now: Date,
    today: LocalDate,
    tally: Tally,
  ): Promise<void> {
    const groups = new Map<DeliveryAdapter, ClaimedDispatch[]>();
    for (const claim of claimed) {
      const adapter = this.adapters.forChannel(claim.channel) as DeliveryAdapter;
      groups.set(adapter, [...(groups.get(adapter) ?? []), claim]);
    }
    for (const [adapter, group] of groups) {
      const messages = renderMessages(command.tenantId, group);
      let batch: Awaited<ReturnType<DeliveryAdapter['openBatch']>> | undefined;
      try {
        batch = await adapter.openBatch();
      } catch (error) {
        for (const claim of group)
          await this.fail(command, claim, adapter, error, now, today, tally);
        continue;
      }
      try {
        for (const [i, message] of messages.entries()) {
          const claim = group[i];
          try {
            const receipt = await batch.send(message);
            const ok = await this.tx.run(command.tenantId, (em) =>
              recordSent(this.recording(command, em, now, today), claim, adapter.name, receipt),
            );
            if (ok) tally.sent += 1;
          } catch (error) {
            await this.fail(command, claim, adapter, error, now, today, tally);
          }
        }
      } finally {
        await batch.close();
      }
    }
  }

  private async fail(
    command: DispatchNotices,
    claim: ClaimedDispatch,
    adapter: DeliveryAdapter,
    error: unknown,
    now: Date,
    today: LocalDate,
    tally: Tally,
  ): Promise<void> {
    const outcome = failureOutcome(error, claim.attempts, now);
    const ok = await this.tx.run(command.tenantId, (em) =>
      recordFailed(this.recording(command, em, now, today), claim, adapter.name, outcome),
    );
    if (ok && outcome.retryable) tally.retrying += 1;
    else if (ok) tally.failed += 1;
  }

  /**
   * Claims older than the lease: the file sink can tell whether its file was written; a
   * provider that cannot be asked leaves the dispatch failed for an operator, with the
   * Message-ID to look for — resending could send the letter twice.
   */
  private async recoverStale(
    ctx: RecordingContext,
    channels: readonly string[],
    tally: Tally,
  ): Promise<void> {
    const stale = await staleDispatches(ctx.em, ctx.tenantId, {
      channels,
      claimedBefore: new Date(ctx.now.getTime() - CLAIM_LEASE_MS),
      limit: 1000,
    });
    for (const [i, message] of renderMessages(ctx.tenantId, stale).entries()) {
      const claim = stale[i];
      const adapter = this.adapters.forChannel(claim.channel) as DeliveryAdapter;
      const found = await adapter.recover(message);
      tally.recovered += 1;
      if (found === 'not-sent') await releaseClaim(ctx.em, ctx.tenantId, claim, ctx.now);
      else if (found !== 'unknown') await recordSent(ctx, claim, adapter.name, found);
      else {
        tally.unknown += 1;
        await recordFailed(ctx, claim, adapter.name, {
          error: `interrupted while sending; it may have gone out as ${message.messageId} — check the provider, it is not resent automatically`,
          retryable: false,
          nextAttemptAt: null,
        });
      }
    }
  }

  private async appendPlanned(
    command: DispatchNotices,
    em: RecordingContext['em'],
    now: Date,
    asOf: LocalDate | null,
    plan: { planned: number; unaddressed: number },
  ): Promise<void> {
    await this.events.append(em, { ...command, occurredAt: now }, [
      {
        type: DISPATCH_EVENTS.planned,
        aggregateType: 'notice-delivery',
        aggregateId: command.correlationId,
        payload: { ...plan, asOf },
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
  }
}
