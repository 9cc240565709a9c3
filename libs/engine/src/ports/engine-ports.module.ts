import { Module } from '@nestjs/common';
import type { CollectionPorts } from '@qingshou/collection';
import type { NoticesPorts } from '@qingshou/notices';
import { ActivePacksModule } from '@qingshou/policy';
import { DebtorLinksModule, RevokeLinksOnClose } from '@qingshou/self-service';
import { PackContactPolicy } from '../contact-rules/pack-contact-policy';
import { PinnedPacks } from '../run/pinned-packs';
import { PackApprovalPolicy } from './pack-approval-policy';
import { PackAssignmentPolicy } from './pack-assignment-policy';
import { PackDisputePolicy } from './pack-dispute-policy';
import { PackPlanRules } from './pack-plan-rules';
import { PackSnapshotTemplateSource } from './pack-template-source';

/**
 * The pack-backed implementations of the ports collection and notices declare, in a module
 * that imports neither lib (TenantTx and the calendar are global), so binding them never
 * loads a second instance of the module that declares the port. It imports only the pack
 * lib's ActivePacksModule: the one cache of pinned packs.
 */
@Module({
  // DebtorLinksModule: the letters' QR links (CaseLetters, the run) and CaseClosing.
  imports: [ActivePacksModule, DebtorLinksModule],
  providers: [
    PinnedPacks,
    PackContactPolicy,
    PackApprovalPolicy,
    PackAssignmentPolicy,
    PackDisputePolicy,
    PackPlanRules,
    PackSnapshotTemplateSource,
  ],
  exports: [
    DebtorLinksModule,
    PinnedPacks,
    PackContactPolicy,
    PackApprovalPolicy,
    PackAssignmentPolicy,
    PackDisputePolicy,
    PackPlanRules,
    PackSnapshotTemplateSource,
  ],
})
export class EnginePortsModule {}

/**
 * Where an app imports collection: `CollectionModule.withPorts(ENGINE_COLLECTION_PORTS)` —
 * contact rules and approvers from the tenant's pinned pack. A global provider cannot do
 * this: CollectionModule provides the tokens itself, and a module's own provider wins.
 */
export const ENGINE_COLLECTION_PORTS: CollectionPorts = {
  imports: [EnginePortsModule],
  contactPolicy: PackContactPolicy,
  approvalPolicy: PackApprovalPolicy,
  assignmentPolicy: PackAssignmentPolicy,
  disputePolicy: PackDisputePolicy,
  planRules: PackPlanRules,
  // A closed case's links to the debtor's page are revoked with it (libs/self-service).
  caseClosing: RevokeLinksOnClose,
};

/** Where an app imports notices: `NoticesModule.withPorts(ENGINE_NOTICES_PORTS)` — pinned templates. */
export const ENGINE_NOTICES_PORTS: NoticesPorts = {
  imports: [EnginePortsModule],
  templateSource: PackSnapshotTemplateSource,
};
