import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventLog } from '@qingshou/db';
import {
  auditOnCase,
  DebtorSms,
  hashCode,
  idTailMatches,
  LinkGate,
  newCode,
  storeDebtorCode,
} from '@qingshou/self-service';
import { DebtorSteps } from '../support/debtor-steps';
import { RequestDebtorCode } from './request-debtor-code.command';

@CommandHandler(RequestDebtorCode)
export class RequestDebtorCodeHandler implements ICommandHandler<RequestDebtorCode, void> {
  constructor(
    private readonly steps: DebtorSteps,
    private readonly gate: LinkGate,
    private readonly events: EventLog,
    private readonly sms: DebtorSms,
  ) {}

  async execute(command: RequestDebtorCode): Promise<void> {
    const sent = await this.steps.onLink(command, async (em, link, ctx) => {
      if (!idTailMatches(link.idNumber, command.idTail, link.rules.idDigits) || !link.phone) {
        const locked = await this.gate.recordWrong(em, link);
        await auditOnCase(em, this.events, ctx, 'DebtorIdentityRefused', link.caseId, {
          linkId: link.linkId,
          step: 'id',
          locked,
        });
        return null;
      }
      const code = newCode();
      await storeDebtorCode(
        em,
        link.tenantId,
        link.linkId,
        hashCode(link.linkId, code),
        new Date(ctx.occurredAt.getTime() + link.rules.codeMinutes * 60_000),
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
