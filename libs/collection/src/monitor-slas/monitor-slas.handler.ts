import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { SLA_BREACH } from '../entities/alert.entity';
import { PUBLISH } from '../support/collection-tx';
import { MonitorSlas, MonitorSlasResult } from './monitor-slas.command';
import { ALERT_CHUNK, RAISE_SLA_ALERTS } from './sla-breaches.sql';

interface RaisedRow {
  id: string;
  task_id: string;
  case_id: string;
  addressed_user_id: string | null;
  due_at: string;
  details: Record<string, unknown>;
}

/**
 * Set-based: each chunk is one INSERT … SELECT raising up to ALERT_CHUNK alerts, and their
 * events appended in the same transaction, until a chunk comes back short.
 */
@CommandHandler(MonitorSlas)
export class MonitorSlasHandler implements ICommandHandler<MonitorSlas, MonitorSlasResult> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  async execute(command: MonitorSlas): Promise<MonitorSlasResult> {
    const now = command.now;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      throw new TypeError('MonitorSlas needs the instant to judge by');
    }
    let raised = 0;
    for (;;) {
      const chunk = await this.tx.run(command.tenantId, async (em) => {
        const rows = await em.execute<RaisedRow[]>(RAISE_SLA_ALERTS, [
          command.tenantId,
          now,
          now,
          now,
        ]);
        await this.events.append(
          em,
          { ...command, occurredAt: now },
          rows.map((row) => breachEvent(row)),
        );
        return rows.length;
      });
      raised += chunk;
      if (chunk < ALERT_CHUNK) return { raised };
    }
  }
}

function breachEvent(row: RaisedRow): DomainEvent {
  const payload = {
    alertId: row.id,
    kind: SLA_BREACH,
    taskId: row.task_id,
    taskKind: row.details.taskKind ?? null,
    dueAt: new Date(row.due_at).toISOString(),
    addressedRole: 'supervisor',
    addressedUserId: row.addressed_user_id,
  };
  return {
    type: 'TaskSlaBreached',
    aggregateType: 'case',
    aggregateId: row.case_id,
    payload,
    after: { alertId: row.id, state: 'open' },
    publish: PUBLISH,
  };
}
