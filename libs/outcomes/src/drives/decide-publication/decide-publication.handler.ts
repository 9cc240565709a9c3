import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requirePermission,
  Role,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { findPublication, publicationView } from '../publish-drive-progress/publication-rows';
import type { PublicationView } from '../publish-drive-progress/publish-drive-progress.command';
import { DecidePublication } from './decide-publication.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(DecidePublication)
export class DecidePublicationHandler implements ICommandHandler<
  DecidePublication,
  PublicationView
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: DecidePublication): Promise<PublicationView> {
    requirePermission(viewerOf(command), 'drive.publication.decide');
    if (!UUID.test(command.publicationId) || !UUID.test(command.driveId)) {
      throw new NotFoundError('publication', command.publicationId);
    }
    return this.tx.run(command.tenantId, async (em) => {
      const key = [command.driveId, command.publicationId];
      const row = await findPublication(
        em,
        command.tenantId,
        'drive_id = ? and id = ? for update',
        key,
      );
      if (!row) throw new NotFoundError('publication', command.publicationId);
      if (row.status !== 'pending-approval') {
        throw new ConflictError(`The publication is already ${String(row.status)}`);
      }
      const approver = String(row.approver_role) as Role;
      if (!command.roles.includes(approver) && !command.roles.includes('manager')) {
        throw new ForbiddenError(`Only ${approver} (or a manager) approves this publication`);
      }
      if (row.requested_by === command.actorId) {
        throw new ForbiddenError('The person who asked for a publication cannot approve it');
      }
      const now = this.clock.now();
      const status = command.decision === 'approved' ? 'published' : 'rejected';
      await em.execute(
        `update drive_publications set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                published_at = ?
         where tenant_id = ? and id = ?`,
        [
          status,
          command.actorId,
          now,
          command.note ?? null,
          status === 'published' ? now : null,
          command.tenantId,
          command.publicationId,
        ],
      );
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: status === 'published' ? 'DrivePublicationApproved' : 'DrivePublicationRejected',
          aggregateType: 'drive',
          aggregateId: command.driveId,
          payload: {
            publicationId: command.publicationId,
            publication: row.publication_key,
            note: command.note ?? null,
          },
          before: { status: 'pending-approval' },
          after: { status },
          publish: ['domain-events'],
        },
      ]);
      const updated = await findPublication(em, command.tenantId, 'id = ?', [
        command.publicationId,
      ]);
      return publicationView(updated as Record<string, unknown>, command.roles);
    });
  }
}
