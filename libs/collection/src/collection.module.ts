import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { AcknowledgeAlertHandler } from './acknowledge-alert/acknowledge-alert.handler';
import { AddCaseCostHandler } from './add-case-cost/add-case-cost.handler';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.handler';
import { AssignCaseHandler } from './assign-case/assign-case.handler';
import { AutoAssignCasesHandler } from './auto-assign-cases/auto-assign-cases.handler';
import { BlacklistDebtorHandler } from './blacklist-debtor/blacklist-debtor.handler';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { CompleteTaskHandler } from './complete-task/complete-task.handler';
import { CreateTaskHandler } from './create-task/create-task.handler';
import { CreateTeamHandler } from './create-team/create-team.handler';
import { DecideApprovalHandler } from './decide-approval/decide-approval.handler';
import { DecideDisputeHandler } from './decide-dispute/decide-dispute.handler';
import { COLLECTION_ENTITIES } from './entities';
import { EvaluatePromisesHandler } from './evaluate-promises/evaluate-promises.handler';
import { AgreePlanHandler } from './agree-plan/agree-plan.handler';
import { EvaluatePlansHandler } from './evaluate-plans/evaluate-plans.handler';
import { ProposePlanHandler } from './propose-plan/propose-plan.handler';
import { GetCaseHandler } from './get-case/get-case.handler';
import { GetWorklistHandler } from './get-worklist/get-worklist.handler';
import { ListAlertsHandler } from './list-alerts/list-alerts.handler';
import { ListApprovalsHandler } from './list-approvals/list-approvals.handler';
import { ListDebtorCasesHandler } from './list-debtor-cases/list-debtor-cases.handler';
import { LogContactHandler } from './log-contact/log-contact.handler';
import { MonitorSlasHandler } from './monitor-slas/monitor-slas.handler';
import { ListSlaTenantsHandler } from './monitor-slas/sla-tenants.handler';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { ApprovalPolicy, DefaultApprovalPolicy } from './ports/approval-policy';
import { AssignmentPolicy, DefaultAssignmentPolicy } from './ports/assignment-policy';
import { ContactPolicy, PermissiveContactPolicy } from './ports/contact-policy';
import { DefaultOverdueReasonCatalog, OverdueReasonCatalog } from './ports/overdue-reason-catalog';
import { NoPlanRules, PlanRules } from './ports/plan-rules';
import { PauseCaseHandler } from './pause-case/pause-case.handler';
import { DefaultDisputePolicy, DisputePolicy } from './ports/dispute-policy';
import { CaseClosing, NothingElseCloses } from './ports/case-closing';
import { RaiseDisputeHandler } from './raise-dispute/raise-dispute.handler';
import { RecordSignedPlanHandler } from './record-signed-plan/record-signed-plan.handler';
import { RecordLegalStepHandler } from './record-legal-step/record-legal-step.handler';
import { RecordPromiseHandler } from './record-promise/record-promise.handler';
import { RecordSettlementInKindHandler } from './record-settlement-in-kind/record-settlement-in-kind.handler';
import { RequestApprovalHandler } from './request-approval/request-approval.handler';
import { ResumeCaseHandler } from './resume-case/resume-case.handler';
import { SearchCasesHandler } from './search-cases/search-cases.handler';
import { FileStorage, LocalDiskFileStorage } from './storage/file-storage';
import {
  ArchiveRecordingsHandler,
  GetLastRecordingsArchiveHandler,
} from './archive-recordings/archive-recordings.handler';
import { CollectionTx } from './support/collection-tx';

const COMMAND_HANDLERS = [
  OpenCaseHandler,
  AssignCaseHandler,
  AutoAssignCasesHandler,
  LogContactHandler,
  RecordPromiseHandler,
  EvaluatePromisesHandler,
  ProposePlanHandler,
  AgreePlanHandler,
  EvaluatePlansHandler,
  PauseCaseHandler,
  ResumeCaseHandler,
  RequestApprovalHandler,
  DecideApprovalHandler,
  AddCaseCostHandler,
  RecordLegalStepHandler,
  RecordSettlementInKindHandler,
  BlacklistDebtorHandler,
  CloseCaseHandler,
  CreateTaskHandler,
  CompleteTaskHandler,
  CreateTeamHandler,
  AddTeamMemberHandler,
  MonitorSlasHandler,
  AcknowledgeAlertHandler,
  ArchiveRecordingsHandler,
  RaiseDisputeHandler,
  RecordSignedPlanHandler,
  DecideDisputeHandler,
];

const QUERY_HANDLERS = [
  GetWorklistHandler,
  GetCaseHandler,
  SearchCasesHandler,
  ListDebtorCasesHandler,
  ListApprovalsHandler,
  ListAlertsHandler,
  ListSlaTenantsHandler,
  GetLastRecordingsArchiveHandler,
];

/** Implementations of the ports, from a module above this lib (the policy engine). */
export interface CollectionPorts {
  /** Modules that provide and export the implementations named below. */
  readonly imports?: ModuleMetadata['imports'];
  readonly contactPolicy?: Type<ContactPolicy>;
  readonly approvalPolicy?: Type<ApprovalPolicy>;
  readonly assignmentPolicy?: Type<AssignmentPolicy>;
  readonly overdueReasons?: Type<OverdueReasonCatalog>;
  readonly fileStorage?: Type<FileStorage>;
  readonly planRules?: Type<PlanRules>;
  readonly disputePolicy?: Type<DisputePolicy>;
  readonly caseClosing?: Type<CaseClosing>;
}

const PORTS = [
  ContactPolicy,
  ApprovalPolicy,
  AssignmentPolicy,
  OverdueReasonCatalog,
  FileStorage,
  DisputePolicy,
  // The case page's plan panel states the pack's limits next to its fields.
  PlanRules,
  CaseClosing,
];

/**
 * Cases and the collector's day. Imported as is, the ports get the defaults: every contact
 * allowed, approvers from the seeds, the six overdue causes of 篇六, local-disk storage.
 * `CollectionModule.withPorts({...})` binds the policy engine's implementations instead.
 */
const BOUND_COLLECTION = new WeakMap<CollectionPorts, DynamicModule>();

@Module({
  imports: [CqrsModule, CalendarModule, MikroOrmModule.forFeature(COLLECTION_ENTITIES)],
  providers: [
    CollectionTx,
    { provide: ContactPolicy, useClass: PermissiveContactPolicy },
    { provide: ApprovalPolicy, useClass: DefaultApprovalPolicy },
    { provide: AssignmentPolicy, useClass: DefaultAssignmentPolicy },
    { provide: OverdueReasonCatalog, useClass: DefaultOverdueReasonCatalog },
    { provide: FileStorage, useClass: LocalDiskFileStorage },
    { provide: PlanRules, useClass: NoPlanRules },
    { provide: DisputePolicy, useClass: DefaultDisputePolicy },
    { provide: CaseClosing, useClass: NothingElseCloses },
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
  ],
  exports: PORTS,
})
export class CollectionModule {
  /** Dynamic providers register after the decorator's, so the same token is replaced. */
  /**
   * One module per ports object: Nest 11 tells dynamic modules apart by reference, so
   * handing every importer the same object keeps one set of handlers in the process.
   */
  static withPorts(ports: CollectionPorts): DynamicModule {
    const known = BOUND_COLLECTION.get(ports);
    if (known) return known;
    const bind = (
      token: abstract new (...args: never[]) => unknown,
      impl?: Type<unknown>,
    ): Provider[] => (impl ? [{ provide: token, useExisting: impl }] : []);
    const bound: DynamicModule = {
      module: CollectionModule,
      imports: [...(ports.imports ?? [])],
      providers: [
        ...bind(ContactPolicy, ports.contactPolicy),
        ...bind(ApprovalPolicy, ports.approvalPolicy),
        ...bind(AssignmentPolicy, ports.assignmentPolicy),
        ...bind(OverdueReasonCatalog, ports.overdueReasons),
        ...bind(FileStorage, ports.fileStorage),
        ...bind(PlanRules, ports.planRules),
        ...bind(DisputePolicy, ports.disputePolicy),
        ...bind(CaseClosing, ports.caseClosing),
      ],
    };
    BOUND_COLLECTION.set(ports, bound);
    return bound;
  }
}
