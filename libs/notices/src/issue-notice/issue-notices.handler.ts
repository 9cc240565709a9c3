import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { type DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { NoticeTemplateFile, NoticeTemplateSource } from '../ports/notice-template-source';
import { NoticeTemplate, NoticeTemplateEngine } from '../rendering/template-engine';
import { NoticeContext } from '../support/notice-context';
import { DOMAIN_EVENTS_TOPIC, NOTICE_AGGREGATE, NOTICE_EVENTS } from '../support/notice-events';
import type { NewNoticeRow } from '../support/notice-rows';
import { checkInput, sameNotice } from './issue-notice.handler';
import { IssuedNotices, IssueNotices, IssueNoticesOutcome } from './issue-notices.command';
import { insertNoticesIfNew, knownDebtors, type StoredKey, storedByKey } from './notice-batch-rows';
import { renderNoticeRow } from './notice-row';

type Outcome = { -readonly [K in keyof IssueNoticesOutcome]: IssueNoticesOutcome[K] };

/** One template compiled once per batch, with the rule its notices carry. */
interface Compiled {
  readonly file: NoticeTemplateFile;
  readonly template: NoticeTemplate;
}

/**
 * The bulk IssueNotice (see IssueNotices). Per notice it decides exactly as IssueNotice does
 * — existing key: the stored notice (409 if it named another letter); unknown debtor: 404;
 * render error: the engine's message — but reads, inserts and appends once per batch.
 */
@CommandHandler(IssueNotices)
export class IssueNoticesHandler implements ICommandHandler<IssueNotices, IssuedNotices> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly context: NoticeContext,
    private readonly engine: NoticeTemplateEngine,
    private readonly templates: NoticeTemplateSource,
  ) {}

  async execute(command: IssueNotices): Promise<IssuedNotices> {
    requirePermission(viewerOf(command), 'notice.issue-rendered');
    const outcomes: Outcome[] = command.notices.map((n) => ({
      idempotencyKey: String(n?.idempotencyKey),
      noticeId: null,
      created: false,
      error: null,
    }));
    const files = new Map<string, Promise<NoticeTemplateFile | undefined>>();
    const ready: number[] = [];
    for (const [i, input] of command.notices.entries()) {
      try {
        checkInput(input);
        if (!files.has(input.templateId))
          files.set(input.templateId, this.templates.find(command.tenantId, input.templateId));
        const file = await files.get(input.templateId);
        if (!file) throw new NotFoundError('Notice template', input.templateId);
        ready.push(i);
      } catch (error) {
        outcomes[i].error = (error as Error).message;
      }
    }
    let created = 0;
    if (ready.length > 0) {
      created = await this.tx.run(command.tenantId, (em) =>
        this.issue(em, command, ready, files, outcomes),
      );
    }
    return { created, outcomes };
  }

  private async issue(
    em: EntityManager,
    command: IssueNotices,
    ready: readonly number[],
    files: Map<string, Promise<NoticeTemplateFile | undefined>>,
    outcomes: Outcome[],
  ): Promise<number> {
    const { tenantId } = command;
    const inputs = ready.map((i) => command.notices[i]);
    const stored = await storedByKey(
      em,
      tenantId,
      inputs.map((n) => n.idempotencyKey),
    );
    const debtors = await knownDebtors(
      em,
      tenantId,
      inputs.map((n) => n.debtorId),
    );
    const tenant = await this.context.tenant(em, tenantId);
    const now = this.context.now();
    const compiled = new Map<string, Compiled>();
    const rows: NewNoticeRow[] = [];
    const rowIndex = new Map<string, number>();
    // A key given twice in one batch: the second is the first's repeat, like a retry.
    const inBatch = new Map<string, StoredKey>();
    for (const i of ready) {
      const input = command.notices[i];
      try {
        const prior = stored.get(input.idempotencyKey) ?? inBatch.get(input.idempotencyKey);
        if (prior) {
          outcomes[i].noticeId = sameNotice(prior, input).id;
          continue;
        }
        if (!debtors.has(input.debtorId.toLowerCase()))
          throw new NotFoundError('Debtor', input.debtorId);
        let one = compiled.get(input.templateId);
        if (!one) {
          const file = (await files.get(input.templateId)) as NoticeTemplateFile;
          one = { file, template: this.engine.compile(file.templateId, file.source) };
          compiled.set(input.templateId, one);
        }
        const row = renderNoticeRow(
          this.engine,
          { tenantId, actorId: command.actorId, at: now },
          input,
          one,
          tenant,
        );
        rowIndex.set(row.id, i);
        rows.push(row);
        inBatch.set(input.idempotencyKey, row);
        outcomes[i].noticeId = row.id;
        outcomes[i].created = true;
      } catch (error) {
        outcomes[i].error = (error as Error).message;
      }
    }
    const written = await insertNoticesIfNew(em, rows);
    const lost = rows.filter((r) => !written.has(r.id));
    if (lost.length > 0) await this.settleLostRaces(em, command, lost, rowIndex, outcomes);
    const events = rows.filter((r) => written.has(r.id)).map(issuedEvent);
    await this.events.append(em, { ...command, occurredAt: now }, events);
    return events.length;
  }

  /** Keys a concurrent issue stored first: theirs stands, as in IssueNotice. */
  private async settleLostRaces(
    em: EntityManager,
    command: IssueNotices,
    lost: readonly NewNoticeRow[],
    rowIndex: ReadonlyMap<string, number>,
    outcomes: Outcome[],
  ): Promise<void> {
    const winners = await storedByKey(
      em,
      command.tenantId,
      lost.map((r) => r.idempotencyKey),
    );
    for (const row of lost) {
      const i = rowIndex.get(row.id) as number;
      outcomes[i].created = false;
      outcomes[i].noticeId = null;
      try {
        const winner = winners.get(row.idempotencyKey);
        if (!winner) throw new ConflictError('The notice collided with another write; retry');
        outcomes[i].noticeId = sameNotice(winner, command.notices[i]).id;
      } catch (error) {
        outcomes[i].error = (error as Error).message;
      }
    }
  }
}

/** The event IssueNotice appends, from the row as written (status starts as draft). */
function issuedEvent(row: NewNoticeRow): DomainEvent {
  const payload = {
    noticeId: row.id,
    templateId: row.templateId,
    packVersion: row.packVersion,
    channel: row.channel,
    title: row.title,
    debtorId: row.debtorId,
    caseId: row.caseId,
    idempotencyKey: row.idempotencyKey,
    deliveryRule: row.deliveryRule,
  };
  return {
    type: NOTICE_EVENTS.issued,
    aggregateType: NOTICE_AGGREGATE,
    aggregateId: row.id,
    payload,
    after: { ...payload, status: 'draft', templateHash: row.templateHash },
    publish: [DOMAIN_EVENTS_TOPIC],
  };
}
