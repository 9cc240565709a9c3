import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { LedgerModule } from '@qingshou/ledger';
import { GetIncentiveEffectsHandler } from './incentives/get-incentive-effects/get-incentive-effects.handler';
import { IncentiveRelief } from './incentives/relief/incentive-relief';
import { EvaluateFlagsHandler } from './incentives/evaluate-flags/evaluate-flags.handler';
import { GetSanctionsHandler } from './incentives/get-sanctions/get-sanctions.handler';
import { GetRatingsHandler } from './incentives/ratings/get-ratings/get-ratings.handler';
import { RecomputeRatingsHandler } from './incentives/ratings/recompute-ratings/recompute-ratings.handler';
import { RecordAttributeHandler } from './incentives/record-attribute/record-attribute.handler';
import { RecordKpiInputHandler } from './kpi/record-kpi-input/record-kpi-input.handler';
import { CompleteDriveItemHandler } from './drives/complete-drive-item/complete-drive-item.handler';
import { DecidePublicationHandler } from './drives/decide-publication/decide-publication.handler';
import { GetDriveProgressHandler } from './drives/get-drive-progress/get-drive-progress.handler';
import { LaunchDriveHandler } from './drives/launch-drive/launch-drive.handler';
import { ListDriveItemsHandler } from './drives/list-drive-items/list-drive-items.handler';
import { ListDrivePublicationsHandler } from './drives/list-drive-publications/list-drive-publications.handler';
import { PublishDriveProgressHandler } from './drives/publish-drive-progress/publish-drive-progress.handler';
import { PublishDueDriveProgressHandler } from './drives/publish-due-drive-progress/publish-due-drive-progress.handler';
import { GetTargetsHandler } from './kpi/get-targets/get-targets.handler';
import { GetAssessmentHandler } from './kpi/get-assessment/get-assessment.handler';
import { GetKpiInputsHandler } from './kpi/get-kpi-inputs/get-kpi-inputs.handler';
import { GetKpiSnapshotsHandler } from './kpi/get-kpi-snapshots/get-kpi-snapshots.handler';
import { MetricCalculator } from './kpi/metrics/metric-calculator';
import { SnapshotKpisHandler } from './kpi/snapshot-kpis/snapshot-kpis.handler';

/**
 * What a pack measures and rewards: metrics and targets (kpi/), incentives, ratings and
 * flags (incentives/), drives (drives/). The apps import it beside PolicyModule; every
 * handler reads the tenant's pinned pack.
 */
@Module({
  imports: [CqrsModule, CalendarModule, LedgerModule],
  providers: [
    MetricCalculator,
    GetTargetsHandler,
    GetAssessmentHandler,
    GetKpiInputsHandler,
    SnapshotKpisHandler,
    GetKpiSnapshotsHandler,
    IncentiveRelief,
    GetIncentiveEffectsHandler,
    GetRatingsHandler,
    RecomputeRatingsHandler,
    EvaluateFlagsHandler,
    GetSanctionsHandler,
    RecordAttributeHandler,
    RecordKpiInputHandler,
    LaunchDriveHandler,
    GetDriveProgressHandler,
    CompleteDriveItemHandler,
    PublishDriveProgressHandler,
    PublishDueDriveProgressHandler,
    DecidePublicationHandler,
    ListDrivePublicationsHandler,
    ListDriveItemsHandler,
  ],
  exports: [MetricCalculator],
})
export class OutcomesModule {}
