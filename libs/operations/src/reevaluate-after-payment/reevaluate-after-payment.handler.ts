import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { Clock, localDateOf } from '@qingshou/calendar';
import { EvaluatePlans } from '@qingshou/collection';
import { TenantTx } from '@qingshou/db';
import { ConsumedEvents } from '@qingshou/jobs';
import { EvaluateCases, type EvaluationSummary, NoPackInstalledError } from '@qingshou/engine';
import { tenantTimeZone } from '../support/tenant-zone';
import { Reevaluated, ReevaluateAfterPayment } from './reevaluate-after-payment.command';

export const PAYMENT_CONSUMER = 'operations:reevaluate-after-payment';

/**
 * EvaluateCases runs its own transactions, so it cannot share ConsumedEvents' one: the
 * evaluation runs first (it is idempotent per date: a redelivery after a crash in between
 * changes nothing) and the event is recorded as consumed after it. A redelivery that finds
 * the record skips the evaluation altogether.
 */
@CommandHandler(ReevaluateAfterPayment)
export class ReevaluateAfterPaymentHandler implements ICommandHandler<
  ReevaluateAfterPayment,
  Reevaluated
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly commands: CommandBus,
    private readonly consumed: ConsumedEvents,
  ) {}

  async execute(command: ReevaluateAfterPayment): Promise<Reevaluated> {
    requirePermission(viewerOf(command), 'engine.reevaluate');
    const { tenantId } = command;
    const found = await this.tx.run(tenantId, async (em) => {
      const [seen] = await em.execute(
        `select 1 from consumed_events where tenant_id = ? and consumer = ? and event_id = ?`,
        [tenantId, PAYMENT_CONSUMER, command.eventId],
      );
      if (seen) return null;
      const cases = await em.execute<{ id: string }[]>(
        `select c.id from case_accounts ca
         join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
         where ca.tenant_id = ? and ca.account_id = ? and c.closed_on is null order by c.id`,
        [tenantId, command.accountId],
      );
      return { cases: cases.map((c) => c.id), zone: await tenantTimeZone(em, tenantId) };
    });
    if (!found) return { ran: false, asOf: null, cases: 0, tasksCancelled: 0, stageChanges: 0 };
    const asOf = localDateOf(this.clock.now(), found.zone);
    let summary: EvaluationSummary | null = null;
    if (found.cases.length > 0) {
      // A receipt may pay off a plan's last instalment (PlanKept) before the ladder looks.
      for (const caseId of found.cases) {
        await this.commands.execute(new EvaluatePlans(command, asOf, caseId));
      }
      try {
        summary = await this.commands.execute(new EvaluateCases(command, asOf, found.cases));
      } catch (error) {
        if (!(error instanceof NoPackInstalledError)) throw error;
      }
    }
    await this.consumed.once(tenantId, PAYMENT_CONSUMER, command.eventId, async () => undefined);
    return {
      ran: true,
      asOf,
      cases: found.cases.length,
      tasksCancelled: summary?.tasksCancelled ?? 0,
      stageChanges: summary?.stageChanges ?? 0,
    };
  }
}
