import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  assertCaseVisible,
  NotFoundError,
  requirePermission,
  ValidationFailedError,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { CompleteDriveItem, CompletedDriveItem } from './complete-drive-item.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(CompleteDriveItem)
export class CompleteDriveItemHandler implements ICommandHandler<
  CompleteDriveItem,
  CompletedDriveItem
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: CompleteDriveItem): Promise<CompletedDriveItem> {
    requirePermission(viewerOf(command), 'drive.item.complete');
    if (!UUID.test(command.itemId) || !UUID.test(command.driveId)) {
      throw new NotFoundError('drive item', command.itemId);
    }
    return this.tx.run(command.tenantId, async (em) => {
      const rows = await em.execute<
        {
          quantity: number;
          done_quantity: number;
          item_key: string;
          phase_key: string;
          case_id: string | null;
        }[]
      >(
        `select quantity, done_quantity, item_key, phase_key, case_id from drive_items
         where tenant_id = ? and drive_id = ? and id = ? for update`,
        [command.tenantId, command.driveId, command.itemId],
      );
      const item = rows[0];
      if (!item) throw new NotFoundError('drive item', command.itemId);
      // A per-case item is ticked off only by someone who sees the case (404 otherwise).
      if (item.case_id) {
        await assertCaseVisible(
          em,
          viewerOf(command),
          command.tenantId,
          item.case_id,
          'drive item',
          command.itemId,
        );
      }
      const done = command.done ?? item.quantity;
      if (!Number.isInteger(done) || done < 0 || done > item.quantity) {
        throw new ValidationFailedError('The count is refused', [
          { path: 'done', reason: `must be a whole number from 0 to ${item.quantity}` },
        ]);
      }
      const status = done === item.quantity ? 'done' : 'open';
      const result = { id: command.itemId, done, quantity: item.quantity, status } as const;
      if (done === item.done_quantity) return result;
      const now = this.clock.now();
      await em.execute(
        `update drive_items set done_quantity = ?, status = ?, note = coalesce(?, note),
                completed_at = case when ? = 'done' then ?::timestamptz end,
                completed_by = case when ? = 'done' then ? end
         where tenant_id = ? and id = ?`,
        [
          done,
          status,
          command.note ?? null,
          status,
          now,
          status,
          command.actorId,
          command.tenantId,
          command.itemId,
        ],
      );
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: 'DriveItemProgressed',
          aggregateType: 'drive',
          aggregateId: command.driveId,
          payload: {
            itemId: command.itemId,
            item: item.item_key,
            phase: item.phase_key,
            done,
            quantity: item.quantity,
          },
          before: { done: item.done_quantity },
          after: { done, status },
        },
      ]);
      return result;
    });
  }
}
