import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { EventLog, TenantTx } from '@qingshou/db';
import { hashCode, hashToken, idTailMatches, newCode } from '../domain/link-token';
import { DebtorSms } from '../support/debtor-sms';
import { LinkGate } from '../support/link-gate';
import { auditOnCase, debtorActorId } from '../support/self-service-audit';
import { SelfServiceThrottle } from '../support/self-service-throttle';
import { RequestDebtorCode } from './request-debtor-code.command';

@CommandHandler(RequestDebtorCode)
export class RequestDebtorCodeHandler implements ICommandHandler<RequestDebtorCode, void> {
  constructor(
    private readonly gate: LinkGate,
    private readonly throttle: SelfServiceThrottle,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly sms: DebtorSms,
  ) {}

  async execute(command: RequestDebtorCode): Promise<void> {
    await this.throttle.hit(hashToken(command.token), command.ip);
    const found = await this.gate.open(command.token);
    if (!found) return;
    const sent = await this.tx.run(found.tenantId, async (em) => {
      const link = await this.gate.load(em, found.tenantId, found.tokenHash);
      if (!link) return null;
      const now = this.clock.now();
      const ctx = {
        tenantId: link.tenantId,
        actorId: debtorActorId(link.linkId),
        correlationId: command.correlationId,
        occurredAt: now,
      };
      const digits = link.rules.idDigits;
      if (!idTailMatches(link.idNumber, command.idTail, digits) || !link.phone) {
        const locked = await this.gate.recordWrong(em, link);
        await auditOnCase(em, this.events, ctx, 'DebtorIdentityRefused', link.caseId, {
          linkId: link.linkId,
          step: 'id',
          locked,
        });
        return null;
      }
      const code = newCode();
      await em.execute(
        `update debtor_links set code_hash = ?, code_expires_at = ? where tenant_id = ? and id = ?`,
        [
          hashCode(link.linkId, code),
          new Date(now.getTime() + link.rules.codeMinutes * 60_000),
          link.tenantId,
          link.linkId,
        ],
      );
      await auditOnCase(em, this.events, ctx, 'DebtorCodeSent', link.caseId, {
        linkId: link.linkId,
      });
      return { link, code };
    });
    if (!sent) return;
    const { link, code } = sent;
    await this.sms.send(
      link.tenantId,
      link.linkId,
      link.phone as string,
      `【${link.officeName}】您的验证码为 ${code}，${link.rules.codeMinutes}分钟内有效。请勿告诉他人。`,
    );
  }
}
