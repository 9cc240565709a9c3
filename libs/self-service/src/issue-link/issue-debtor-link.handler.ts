import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { isClosedStatus, type CaseStatus } from '@qingshou/collection';
import {
  AppConfig,
  assertCaseVisible,
  ConflictError,
  requirePermission,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { hashToken, newLinkToken } from '../domain/link-token';
import { DebtorSms } from '../support/debtor-sms';
import { auditOnCase } from '../support/self-service-audit';
import { SelfServiceRules } from '../support/self-service-rules';
import { insertDebtorLinks } from '../writers/debtor-link-writers';
import { IssueDebtorLink, IssueDebtorLinkResult } from './issue-debtor-link.command';

/** The text of the link's SMS: the office, what to type, how long it lives. */
export function linkSmsText(office: string, url: string, digits: number, days: number): string {
  return `【${office}】您好，您可通过以下链接查看欠款余额、承诺还款、申请分期或提出异议：${url} （凭证件号码后${digits}位和短信验证码进入，${days}日内有效）`;
}

@CommandHandler(IssueDebtorLink)
export class IssueDebtorLinkHandler implements ICommandHandler<
  IssueDebtorLink,
  IssueDebtorLinkResult
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly rules: SelfServiceRules,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly sms: DebtorSms,
  ) {}

  async execute(command: IssueDebtorLink): Promise<IssueDebtorLinkResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, command.channel === 'letter-qr' ? 'notice.issue' : 'case.work');
    const token = newLinkToken();
    const tokenHash = hashToken(token);
    const url = `${this.config.publicBaseUrl}/d/${token}`;
    const issued = await this.tx.run(command.tenantId, async (em) => {
      await assertCaseVisible(em, viewer, command.tenantId, command.caseId);
      const rules = await this.rules.of(em, command.tenantId);
      if (!rules)
        throw new ConflictError('本机构的政策包未开通债务人自助页面 (self-service is off)');
      if (command.channel !== 'console' && !rules.channels.includes(command.channel)) {
        throw new ConflictError(`政策包不以此渠道发送自助链接 (channel ${command.channel} is off)`);
      }
      const [found] = await em.execute<
        { status: string; debtor_id: string; phone: string | null; office: string }[]
      >(
        `select c.status, c.debtor_id, d.phones[1] as phone, t.name as office
           from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
           join tenants t on t.id = c.tenant_id
          where c.tenant_id = ? and c.id = ?`,
        [command.tenantId, command.caseId],
      );
      if (isClosedStatus(found.status as CaseStatus)) {
        throw new ConflictError(`Case ${command.caseId} is ${found.status}`);
      }
      if (command.channel === 'sms' && !found.phone) {
        throw new ConflictError('债务人没有登记手机号码 (no phone on file)');
      }
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + rules.linkDays * 86_400_000);
      const linkId = randomUUID();
      await insertDebtorLinks(em, [
        {
          tenantId: command.tenantId,
          id: linkId,
          caseId: command.caseId,
          debtorId: found.debtor_id,
          tokenHash,
          channel: command.channel,
          noticeId: command.noticeId ?? null,
          issuedBy: command.actorId,
          issuedAt: now,
          expiresAt,
        },
      ]);
      await auditOnCase(
        em,
        this.events,
        { ...command, occurredAt: now },
        'DebtorLinkIssued',
        command.caseId,
        {
          linkId,
          channel: command.channel,
          noticeId: command.noticeId ?? null,
          expiresAt: expiresAt.toISOString(),
        },
      );
      return { linkId, expiresAt, rules, phone: found.phone, office: found.office };
    });
    if (command.channel === 'sms' && issued.phone) {
      await this.sms.send(
        command.tenantId,
        issued.linkId,
        issued.phone,
        linkSmsText(issued.office, url, issued.rules.idDigits, issued.rules.linkDays),
      );
    }
    return { linkId: issued.linkId, url, expiresAt: issued.expiresAt.toISOString() };
  }
}
