import { Module } from '@nestjs/common';
import { CollectionModule } from '@qingshou/collection';
import { ENGINE_COLLECTION_PORTS } from '@qingshou/engine';
import { ApprovalsController } from './approvals.controller';
import { CaseActivityController } from './case-activity.controller';
import { CasesController } from './cases.controller';
import { DisputesController } from './disputes.controller';
import { PlansController } from './plans.controller';
import { WorkController } from './work.controller';

/** The /api/v1 routes of case work; ApiModule imports this one module. */
@Module({
  // Contact rules and approvers come from the tenant's pinned pack.
  imports: [CollectionModule.withPorts(ENGINE_COLLECTION_PORTS)],
  controllers: [
    CasesController,
    CaseActivityController,
    DisputesController,
    PlansController,
    ApprovalsController,
    WorkController,
  ],
})
export class CollectionApiModule {}
