import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { checkDate } from '../support/pinned-pack';
import { RecordedKpiInput, RecordKpiInput } from './record-kpi-input.command';

@CommandHandler(RecordKpiInput)
export class RecordKpiInputHandler implements ICommandHandler<RecordKpiInput, RecordedKpiInput> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordKpiInput): Promise<RecordedKpiInput> {
    requirePermission(viewerOf(command), 'kpi.input');
    const input = command.input;
    const start = checkDate(input.periodStart, 'periodStart');
    const end = checkDate(input.periodEnd, 'periodEnd');
    if (end < start) {
      throw new ValidationFailedError('The period is empty', [
        { path: 'periodEnd', reason: `must be on or after periodStart (${start})` },
      ]);
    }
    const groupType = input.groupType ?? 'tenant';
    const groupId = groupType === 'tenant' ? command.tenantId : input.groupId;
    if (!groupId) {
      throw new ValidationFailedError('A group figure names its group', [
        { path: 'groupId', reason: `required for groupType ${groupType}` },
      ]);
    }
    return this.tx.run(command.tenantId, async (em) => {
      const now = this.clock.now();
      const rows = await em.execute<{ id: string; before: string | null }[]>(
        `insert into kpi_inputs (tenant_id, id, input, group_type, group_id, period_start,
                                 period_end, amount, note, recorded_by, recorded_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (tenant_id, input, group_type, group_id, period_start) do update set
           period_end = excluded.period_end, amount = excluded.amount, note = excluded.note,
           recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
         returning id, (select k.amount::text from kpi_inputs k
                        where k.tenant_id = kpi_inputs.tenant_id and k.id = kpi_inputs.id) as before`,
        [
          command.tenantId,
          randomUUID(),
          input.input,
          groupType,
          groupId,
          start,
          end,
          input.amount,
          input.note ?? null,
          command.actorId,
          now,
        ],
      );
      const id = rows[0].id;
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: 'KpiInputRecorded',
          aggregateType: 'kpi-input',
          aggregateId: id,
          payload: { input: input.input, groupType, groupId, periodStart: start, periodEnd: end },
          before: rows[0].before === null ? null : { amount: rows[0].before },
          after: { amount: input.amount },
        },
      ]);
      return { id, groupType, groupId };
    });
  }
}
