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
import { pinnedPack } from '../../kpi/support/pinned-pack';
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
      const outcome = await resultOf(em, command, item.item_key, status);
      const result = { id: command.itemId, done, quantity: item.quantity, status } as const;
      if (done === item.done_quantity) return result;
      const now = this.clock.now();
      await em.execute(
        `update drive_items set done_quantity = ?, status = ?, note = coalesce(?, note),
                outcome = coalesce(?::jsonb, outcome),
                completed_at = case when ? = 'done' then ?::timestamptz end,
                completed_by = case when ? = 'done' then ? end
         where tenant_id = ? and id = ?`,
        [
          done,
          status,
          command.note ?? null,
          outcome ? JSON.stringify(outcome) : null,
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
            ...(outcome ? { result: outcome.result } : {}),
          },
          before: { done: item.done_quantity },
          after: { done, status },
        },
      ]);
      return result;
    });
  }
}

/**
 * The result the item's task kind asks for (pack `taskKinds[].results`): required to finish
 * it, one of the codes; a kind without results records none.
 */
async function resultOf(
  em: Parameters<typeof pinnedPack>[0],
  command: CompleteDriveItem,
  itemKey: string,
  status: 'open' | 'done',
): Promise<{ result: string } | null> {
  const pack = await pinnedPack(em, command.tenantId);
  const kind = (pack.spec.taskKinds ?? []).find((k) => k.code === itemKey);
  const codes = (kind?.results ?? []).map((r) => r.code);
  if (codes.length === 0 || status !== 'done') return null;
  if (!command.result || !codes.includes(command.result)) {
    throw new ValidationFailedError('The item needs its result', [
      { path: 'result', reason: `must be one of: ${codes.join(', ')}` },
    ]);
  }
  return { result: command.result };
}
