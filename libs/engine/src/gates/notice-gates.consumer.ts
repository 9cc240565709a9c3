import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { localDateOf } from '@qingshou/calendar';
import { ConsumedEvents, PublishedDomainEvent } from '@qingshou/jobs';
import type { PublishedEvent } from '@qingshou/db';
import { AccountBalances } from '@qingshou/ledger';
import { LetterLinks } from '@qingshou/self-service';
import type { ReadyNotice } from '../apply/notice-data';
import type { PackView } from '../domain/pack-view';
import { NoticeIssuer } from '../run/notice-issuer';
import { readyNotices } from '../run/notice-orders';
import { PinnedPacks, tenantZone } from '../run/pinned-packs';
import type { NoticeOrder, RunContext } from '../run/run-context';

export const GATES_CONSUMER = 'policy-notice-gates';

export interface GateDecision {
  readonly released: number;
  readonly cancelled: number;
  readonly issued: number;
  readonly failures: { caseId: string; template: string; reason: string }[];
}

interface HoldRow {
  idempotency_key: string;
  case_id: string;
  debtor_id: string;
  template: string;
  recipient: string;
  source: string;
  source_id: string;
  /** A person's letter: the fields they typed (printed as `input.*`); null otherwise. */
  input: Record<string, unknown> | null;
}

/** Whether the letter's figures still show an unpaid installment past due. */
function owesOverdue(data: Record<string, unknown>): boolean {
  const account = data.account as { firstUnpaidDueDate?: unknown } | undefined;
  return account?.firstUnpaidDueDate !== undefined;
}

/**
 * Decides the notices held behind an approval (hold-notices.ts) when it is decided: granted →
 * released and issued (rendered with the figures as of the decision, i.e. after the
 * reconciliation); rejected → cancelled, never sent. The release and the consumed record
 * commit together; issuing follows the commit, keyed, so a redelivery issues nothing twice.
 */
@Injectable()
@EventsHandler(PublishedDomainEvent)
export class NoticeGatesConsumer implements IEventHandler<PublishedDomainEvent> {
  private readonly logger = new Logger('NoticeGates');

  constructor(
    private readonly consumed: ConsumedEvents,
    private readonly packs: PinnedPacks,
    private readonly ledger: AccountBalances,
    private readonly notices: NoticeIssuer,
    private readonly links: LetterLinks,
  ) {}

  async handle({ event }: PublishedDomainEvent): Promise<GateDecision | null> {
    if (event.type !== 'ApprovalDecided') return null;
    const decision = event.payload.decision;
    if (decision !== 'approved' && decision !== 'rejected') return null;
    let result: { released: number; cancelled: number; view?: PackView; ready: ReadyNotice[] } = {
      released: 0,
      cancelled: 0,
      ready: [],
    };
    try {
      await this.consumed.once(event.tenantId, GATES_CONSUMER, event.eventId, async (em) => {
        result = await this.decide(em, event, decision === 'approved');
      });
      const meta = {
        tenantId: event.tenantId,
        actorId: 'engine:gates',
        correlationId: event.correlationId,
      };
      const issued =
        result.view && result.ready.length > 0
          ? await this.notices.issueAll(meta, result.view, result.ready)
          : { issued: 0, failures: [] };
      return {
        released: result.released,
        cancelled: result.cancelled,
        issued: issued.issued,
        failures: issued.failures,
      };
    } catch (error) {
      this.logger.error(`gates on ${event.eventId}: ${(error as Error).message}`);
      throw error;
    }
  }

  private async decide(em: EntityManager, event: PublishedEvent, granted: boolean) {
    const now = new Date(event.occurredAt);
    const rows = await em.execute<HoldRow[]>(
      `update engine_notice_holds set status = ?, decided_at = ?
       where tenant_id = ? and approval_id = ? and status = 'held'
       returning idempotency_key, case_id, debtor_id, template, recipient, source, source_id, input`,
      [granted ? 'released' : 'cancelled', now, event.tenantId, event.payload.approvalId],
    );
    if (!granted || rows.length === 0)
      return { released: 0, cancelled: granted ? 0 : rows.length, ready: [] };
    const view = await this.packs.require(em, event.tenantId);
    const timeZone = await tenantZone(em, event.tenantId);
    const ctx: RunContext = {
      tenantId: event.tenantId,
      asOf: localDateOf(now, timeZone),
      now,
      timeZone,
      pack: view,
      calendar: this.packs.calendarOf(view, timeZone),
      actorId: 'engine:gates',
      correlationId: event.correlationId,
      dryRun: false,
    };
    const orders: NoticeOrder[] = rows.map((r) => ({
      caseId: r.case_id,
      debtorId: r.debtor_id,
      // A person's letter asked on a case on no rung was held under stage 'none'.
      stage: r.source === 'person' && r.source_id === 'none' ? '' : r.source_id,
      template: r.template,
      recipient: r.recipient,
      key: r.idempotency_key,
      fresh: true,
    }));
    const inputs = new Map(rows.map((r) => [r.idempotency_key, r.input]));
    const person = new Set(rows.filter((r) => r.source === 'person').map((r) => r.idempotency_key));
    const all = (await readyNotices(em, this.ledger, ctx, orders, this.links)).map((notice) => {
      const input = inputs.get(notice.key);
      return input ? { ...notice, data: { ...notice.data, input } } : notice;
    });
    // The ladder asked for the letter over arrears; paid while it waited for the decision, it
    // is not sent (a demand for nothing). A person's letter is sent as they asked.
    const settled = all.filter((n) => !person.has(n.key) && !owesOverdue(n.data));
    if (settled.length > 0) {
      await em.execute(
        `update engine_notice_holds set status = 'cancelled'
         where tenant_id = ? and idempotency_key in (${settled.map(() => '?').join(', ')})`,
        [event.tenantId, ...settled.map((n) => n.key)],
      );
    }
    const ready = all.filter((n) => !settled.includes(n));
    return { released: ready.length, cancelled: settled.length, view, ready };
  }
}
