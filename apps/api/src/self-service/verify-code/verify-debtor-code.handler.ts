import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventLog } from '@qingshou/db';
import {
  auditOnCase,
  hashCode,
  LinkGate,
  markDebtorVerified,
  sameHash,
} from '@qingshou/self-service';
import { DebtorSessions } from '../support/debtor-sessions';
import { DebtorSteps } from '../support/debtor-steps';
import { VerifyDebtorCode, VerifyDebtorCodeResult } from './verify-debtor-code.command';

@CommandHandler(VerifyDebtorCode)
export class VerifyDebtorCodeHandler implements ICommandHandler<
  VerifyDebtorCode,
  VerifyDebtorCodeResult
> {
  constructor(
    private readonly steps: DebtorSteps,
    private readonly gate: LinkGate,
    private readonly events: EventLog,
    private readonly sessions: DebtorSessions,
  ) {}

  async execute(command: VerifyDebtorCode): Promise<VerifyDebtorCodeResult> {
    const verified = await this.steps.onLink(command, async (em, link, ctx) => {
      const live =
        link.codeExpiresAt !== null && link.codeExpiresAt.getTime() > ctx.occurredAt.getTime();
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
      await markDebtorVerified(em, link.tenantId, link.linkId, ctx.occurredAt);
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
