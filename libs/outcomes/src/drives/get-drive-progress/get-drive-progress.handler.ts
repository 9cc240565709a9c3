import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { MetricCalculator } from '../../kpi/metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../../kpi/support/pinned-pack';
import { SnapshotDriveFigures } from '../snapshot-drives/snapshot-drive-figures';
import { LiveDriveFigures } from './drive-figures';
import { driveProgress } from './drive-progress';
import { DriveProgress, GetDriveProgress } from './get-drive-progress.query';

@QueryHandler(GetDriveProgress)
export class GetDriveProgressHandler implements IQueryHandler<GetDriveProgress, DriveProgress> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(query: GetDriveProgress): Promise<DriveProgress> {
    requirePermission(viewerOf(query), 'drive.progress.read');
    return this.tx.run(query.tenantId, async (em) => {
      const pack = await pinnedPack(em, query.tenantId);
      const timeZone = await tenantTimeZone(em, query.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const snapshot = query.fromSnapshot
        ? await SnapshotDriveFigures.load(em, this.calculator, query.tenantId, query.driveId, asOf)
        : null;
      return driveProgress(
        em,
        snapshot ?? new LiveDriveFigures(this.calculator),
        { tenantId: query.tenantId, timeZone, pack },
        query.driveId,
        asOf,
      );
    });
  }
}
