import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { Alert } from '../entities/alert.entity';
import { textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { visibleAlertsSql } from '../list-alerts/alert-access';
import { AcknowledgeAlert, AcknowledgeAlertResult } from './acknowledge-alert.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(AcknowledgeAlert)
export class AcknowledgeAlertHandler implements ICommandHandler<
  AcknowledgeAlert,
  AcknowledgeAlertResult
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: AcknowledgeAlert): Promise<AcknowledgeAlertResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'alert.acknowledge');
    const note = textArg(command.note, 'note', 2000);
    if (!UUID.test(command.alertId)) throw new NotFoundError('alert', command.alertId);
    return this.tx.run(command, async (w) => {
      const visible = visibleAlertsSql(viewer);
      // Locked: two supervisors acknowledging at once record one acknowledgement.
      const rows = await w.em.execute<{ id: string }[]>(
        `select a.id from alerts a join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         where a.tenant_id = ? and a.id = ? and ${visible.sql} for update of a`,
        [w.tenantId, command.alertId, ...visible.params],
      );
      if (!rows[0]) throw new NotFoundError('alert', command.alertId);
      const alert = await w.em.findOneOrFail(Alert, { tenantId: w.tenantId, id: rows[0].id });
      if (alert.state === 'acknowledged') return result(alert, false);
      alert.state = 'acknowledged';
      alert.acknowledgedBy = command.actorId;
      alert.acknowledgedAt = w.now;
      alert.acknowledgeNote = note;
      await w.append([
        w.caseEvent(
          'AlertAcknowledged',
          alert.caseId,
          { alertId: alert.id, kind: alert.kind, taskId: alert.taskId, note },
          { state: 'open' },
          { state: 'acknowledged', acknowledgedBy: command.actorId },
        ),
      ]);
      return result(alert, true);
    });
  }
}

function result(alert: Alert, changed: boolean): AcknowledgeAlertResult {
  return {
    id: alert.id,
    state: alert.state,
    acknowledgedBy: alert.acknowledgedBy as string,
    acknowledgedAt: (alert.acknowledgedAt as Date).toISOString(),
    changed,
  };
}
