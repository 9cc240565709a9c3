import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { EventLog, TenantTx } from '@qingshou/db';
import { hashCode, hashToken, sameHash } from '../domain/link-token';
import { DebtorSessions } from '../support/debtor-sessions';
import { LinkGate } from '../support/link-gate';
import { auditOnCase, debtorActorId } from '../support/self-service-audit';
import { SelfServiceThrottle } from '../support/self-service-throttle';
import { VerifyDebtorCode, VerifyDebtorCodeResult } from './verify-debtor-code.command';

@CommandHandler(VerifyDebtorCode)
export class VerifyDebtorCodeHandler implements ICommandHandler<
  VerifyDebtorCode,
  VerifyDebtorCodeResult
> {
  constructor(
    private readonly gate: LinkGate,
    private readonly throttle: SelfServiceThrottle,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly sessions: DebtorSessions,
  ) {}

  async execute(command: VerifyDebtorCode): Promise<VerifyDebtorCodeResult> {
    await this.throttle.hit(hashToken(command.token), command.ip);
    const found = await this.gate.open(command.token);
    if (!found) return null;
    const verified = await this.tx.run(found.tenantId, async (em) => {
      const link = await this.gate.load(em, found.tenantId, found.tokenHash);
      if (!link) return null;
      const now = this.clock.now();
      const ctx = {
        tenantId: link.tenantId,
        actorId: debtorActorId(link.linkId),
        correlationId: command.correlationId,
        occurredAt: now,
      };
      const live = link.codeExpiresAt !== null && link.codeExpiresAt.getTime() > now.getTime();
      const code = command.code.trim();
      if (!live || !/^\d{6}$/.test(code) || !sameHash(link.codeHash, hashCode(link.linkId, code))) {
        const locked = await this.gate.recordWrong(em, link);
        await auditOnCase(em, this.events, ctx, 'DebtorIdentityRefused', link.caseId, {
          linkId: link.linkId,
          step: 'code',
          locked,
        });
        return null;
      }
      // A code opens one session: used, it is gone; the wrong answers start again from none.
      await em.execute(
        `update debtor_links set code_hash = null, code_expires_at = null, wrong_tries = 0,
           verified_at = ? where tenant_id = ? and id = ?`,
        [now, link.tenantId, link.linkId],
      );
      await auditOnCase(em, this.events, ctx, 'DebtorVerified', link.caseId, {
        linkId: link.linkId,
      });
      return link;
    });
    if (!verified) return null;
    const sessionId = await this.sessions.start({
      tenantId: verified.tenantId,
      linkId: verified.linkId,
      caseId: verified.caseId,
      tokenHash: verified.tokenHash,
    });
    return { sessionId };
  }
}
