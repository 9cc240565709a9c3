import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarService, Clock } from '@qingshou/calendar';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { MetricCalculator } from '../../kpi/metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../../kpi/support/pinned-pack';
import { loadDrive } from '../support/drive-rows';
import { publicationContent } from './publication-content';
import { findPublication, publicationView } from './publication-rows';
import { PublicationView, PublishDriveProgress } from './publish-drive-progress.command';

@CommandHandler(PublishDriveProgress)
export class PublishDriveProgressHandler implements ICommandHandler<
  PublishDriveProgress,
  PublicationView
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(command: PublishDriveProgress): Promise<PublicationView> {
    requirePermission(viewerOf(command), 'drive.publish');
    return this.tx.run(command.tenantId, async (em) => {
      const { drive } = await loadDrive(em, command.tenantId, command.driveId);
      const pack = await pinnedPack(em, command.tenantId);
      const spec = pack.spec.drives.find((d) => d.id === drive.driveKey);
      const publication = spec?.publications.find((p) => p.id === command.publicationKey);
      if (!publication)
        throw new NotFoundError(`publication of drive ${drive.driveKey}`, command.publicationKey);
      const report = pack.spec.reports.find((r) => r.id === publication.report);
      if (!report) throw new NotFoundError('report', publication.report);
      const asOf = await resolveAsOf(em, this.calendar, command.tenantId, command.asOf);
      const where = 'drive_id = ? and publication_key = ? and as_of = ?';
      const key = [command.driveId, publication.id, asOf];
      const stored = await findPublication(em, command.tenantId, where, key);
      if (stored) return publicationView(stored, null);
      const ctx = {
        tenantId: command.tenantId,
        timeZone: await tenantTimeZone(em, command.tenantId),
        pack,
      };
      const content = await publicationContent(
        em,
        this.calculator,
        ctx,
        report,
        command.driveId,
        asOf,
      );
      const isPublic = publication.audience === 'public';
      const approverRole = isPublic ? approverOf(pack, publication.approval) : null;
      const now = this.clock.now();
      const id = randomUUID();
      await em.execute(
        `insert into drive_publications (tenant_id, id, drive_id, publication_key, report_id, audience,
            as_of, status, approver_role, content, requested_by, requested_at, published_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
        [
          command.tenantId,
          id,
          command.driveId,
          publication.id,
          report.id,
          publication.audience,
          asOf,
          isPublic ? 'pending-approval' : 'published',
          approverRole,
          JSON.stringify(content),
          command.actorId,
          now,
          isPublic ? null : now,
        ],
      );
      const after = {
        publication: publication.id,
        asOf,
        status: isPublic ? 'pending-approval' : 'published',
      };
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: isPublic ? 'DrivePublicationRequested' : 'DriveProgressPublished',
          aggregateType: 'drive',
          aggregateId: command.driveId,
          payload: {
            publicationId: id,
            ...after,
            report: report.id,
            audience: publication.audience,
            approverRole,
          },
          before: null,
          after,
          publish: ['domain-events'],
        },
      ]);
      const row = await findPublication(em, command.tenantId, 'id = ?', [id]);
      return publicationView(row as Record<string, unknown>, null);
    });
  }
}

/**
 * The platform role that approves: the publication's `by`, or its approval kind's, with a
 * pack role (组长 → manager) read as the platform role it maps to.
 */
function approverOf(
  pack: {
    spec: {
      approvals: { kind: string; by: string }[];
      roles: { id: string; platformRole: string }[];
    };
  },
  approval: { kind?: string; by?: string } | undefined,
): string {
  const by = approval?.by ?? pack.spec.approvals.find((a) => a.kind === approval?.kind)?.by;
  return pack.spec.roles.find((r) => r.id === by)?.platformRole ?? by ?? 'manager';
}
