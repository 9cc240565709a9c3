import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isLocalDate } from '@qingshou/calendar';
import { ConflictError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { NoticeTemplateSource, NoticeTemplateFile } from '../ports/notice-template-source';
import { NoticeTemplateEngine } from '../rendering/template-engine';
import { InputProblems, isUuid, NoticeContext } from '../support/notice-context';
import { DOMAIN_EVENTS_TOPIC, NOTICE_AGGREGATE, NOTICE_EVENTS } from '../support/notice-events';
import { findNotice, NoticeView } from '../support/notice-rows';
import { insertNoticesIfNew } from './notice-batch-rows';
import { renderNoticeRow } from './notice-row';
import { checkRule } from '../support/rule-check';
import { IssuedNotice, IssueNotice, IssueNoticeInput } from './issue-notice.command';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Renders and stores a notice, idempotent on (tenant, idempotency key): a repeat returns the
 * stored notice and renders nothing. A repeat naming another template, debtor or case is
 * refused with 409 — the key was reused for a different letter, which is a caller's bug.
 * The data may differ (amounts accrue daily between retries); the first rendering stands.
 */
@CommandHandler(IssueNotice)
export class IssueNoticeHandler implements ICommandHandler<IssueNotice, IssuedNotice> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly context: NoticeContext,
    private readonly engine: NoticeTemplateEngine,
    private readonly templates: NoticeTemplateSource,
  ) {}

  async execute(command: IssueNotice): Promise<IssuedNotice> {
    requirePermission(viewerOf(command), 'notice.issue-rendered');
    const input = command.notice;
    checkInput(input);
    const file = await this.templates.find(command.tenantId, input.templateId);
    if (!file) throw new NotFoundError('Notice template', input.templateId);
    return this.tx.run(command.tenantId, async (em) => {
      const existing = await findNotice(em, command.tenantId, {
        idempotencyKey: input.idempotencyKey,
      });
      if (existing) return { notice: sameNotice(existing, input), created: false };
      return this.issue(em, command, file);
    });
  }

  private async issue(
    em: EntityManager,
    command: IssueNotice,
    file: NoticeTemplateFile,
  ): Promise<IssuedNotice> {
    const { tenantId } = command;
    const input = command.notice;
    const debtor = await em.execute(`select 1 from debtors where tenant_id = ? and id = ?`, [
      tenantId,
      input.debtorId,
    ]);
    if (debtor.length === 0) throw new NotFoundError('Debtor', input.debtorId);

    const template = this.engine.compile(file.templateId, file.source);
    const tenant = await this.context.tenant(em, tenantId);
    const now = this.context.now();
    const row = renderNoticeRow(
      this.engine,
      { tenantId, actorId: command.actorId, at: now },
      input,
      { file, template },
      tenant,
    );
    const { id, deliveryRule: rule } = row;
    const inserted = (await insertNoticesIfNew(em, [row])).has(id);
    if (!inserted) {
      // Lost a race with a concurrent issue under the same key: theirs stands.
      const winner = await findNotice(em, tenantId, { idempotencyKey: input.idempotencyKey });
      if (!winner) throw new ConflictError('The notice collided with another write; retry');
      return { notice: sameNotice(winner, input), created: false };
    }
    const notice = (await findNotice(em, tenantId, { id })) as NoticeView;
    const payload = {
      noticeId: id,
      templateId: notice.templateId,
      packVersion: notice.packVersion,
      channel: notice.channel,
      title: notice.title,
      debtorId: notice.debtorId,
      caseId: notice.caseId,
      idempotencyKey: notice.idempotencyKey,
      deliveryRule: rule,
    };
    await this.events.append(em, { ...command, occurredAt: now }, [
      {
        type: NOTICE_EVENTS.issued,
        aggregateType: NOTICE_AGGREGATE,
        aggregateId: id,
        payload,
        after: { ...payload, status: notice.status, templateHash: notice.templateHash },
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { notice, created: true };
  }
}

export function checkInput(input: IssueNoticeInput): void {
  const problems = new InputProblems();
  if (typeof input.templateId !== 'string' || !/^\S{1,200}$/.test(input.templateId)) {
    problems.add('templateId', 'must name a template, e.g. leasing-dealer-arrears/final-notice');
  }
  if (!isUuid(input.debtorId)) problems.add('debtorId', 'must be a UUID');
  if (input.caseId !== undefined && input.caseId !== null && !isUuid(input.caseId)) {
    problems.add('caseId', 'must be a UUID');
  }
  if (typeof input.idempotencyKey !== 'string' || !KEY.test(input.idempotencyKey)) {
    problems.add('idempotencyKey', 'must be 1–200 printable ASCII characters without spaces');
  }
  const data = input.data as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.add('data', 'must be a JSON object');
  }
  if (input.deliveryRule) checkRule(input.deliveryRule, problems);
  if (input.issuedOn !== undefined && !isLocalDate(input.issuedOn)) {
    problems.add('issuedOn', 'must be a calendar date written YYYY-MM-DD');
  }
  problems.done('The notice');
}

export function sameNotice<T extends Pick<NoticeView, 'id' | 'templateId' | 'debtorId' | 'caseId'>>(
  existing: T,
  input: IssueNoticeInput,
): T {
  const same =
    existing.templateId === input.templateId &&
    existing.debtorId === input.debtorId.toLowerCase() &&
    existing.caseId === (input.caseId?.toLowerCase() ?? null);
  if (!same) {
    throw new ConflictError(
      `Idempotency key ${input.idempotencyKey} already issued notice ${existing.id} ` +
        `(${existing.templateId} to debtor ${existing.debtorId}); use a new key for another notice`,
    );
  }
  return existing;
}
