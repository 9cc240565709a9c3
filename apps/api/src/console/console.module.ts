import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CollectionModule } from '@qingshou/collection';
import { ENGINE_COLLECTION_PORTS, ENGINE_NOTICES_PORTS } from '@qingshou/engine';
import { NoticesModule } from '@qingshou/notices';
import { ActivePacksModule } from '@qingshou/policy';
import { TenancyModule } from '@qingshou/tenancy';
import { AssetsController, HomeController, LanguageController } from './auth/home.controller';
import { LoginPageController, LogoutController } from './auth/login.controller';
import { CasePoolFilesController } from './case-pool/case-pool-files.controller';
import { CasePoolController } from './case-pool/case-pool.controller';
import { CasePoolModel } from './case-pool/case-pool-model';
import { CaseContactsController } from './cases/case-contacts.controller';
import { CaseLetterController } from './cases/case-letter.controller';
import { CasePageController } from './cases/case-page.controller';
import { CasePageModel } from './cases/case-page-model';
import { ConsoleErrorFilter } from './http/console-error.filter';
import { CsrfGuard } from './http/csrf.guard';
import { HtmlInterceptor } from './http/html.interceptor';
import { GetContactWindowsHandler } from './queries/get-contact-windows/get-contact-windows.handler';
import { GetContactTermsHandler } from './queries/get-contact-terms/get-contact-terms.handler';
import { ListCollectorsHandler } from './queries/list-collectors/list-collectors.handler';
import { ListCaseFilterChoicesHandler } from './queries/list-case-filter-choices/list-case-filter-choices.handler';
import { MergeNoticePdfsHandler } from './queries/merge-notice-pdfs/merge-notice-pdfs.handler';
import { ListSupervisorCasesHandler } from './queries/list-supervisor-cases/list-supervisor-cases.handler';
import { ListAlertGroupsHandler } from './queries/list-alert-groups/list-alert-groups.handler';
import { GetCaseDatesHandler } from './queries/get-case-dates/get-case-dates.handler';
import { CaseActionsController } from './cases/case-actions.controller';
import { CaseDisputesController } from './cases/case-disputes.controller';
import { CasePlansController } from './cases/case-plans.controller';
import { CaseSelfServiceController } from './cases/case-self-service.controller';
import { GetCasePlansHandler } from './queries/get-case-plans/get-case-plans.handler';
import { GetPlanLetterHandler } from './queries/get-plan-letter/get-plan-letter.handler';
import { GetPlanLetterPdfHandler } from './queries/get-plan-letter-pdf/get-plan-letter-pdf.handler';
import { DisputesInboxController } from './cases/disputes-inbox.controller';
import { ConsoleViews } from './render/console-views';
import { SupervisorPageController } from './supervisor/supervisor.controller';
import { SupervisorDesk } from './supervisor/supervisor-model';
import { WorklistPageController } from './work/worklist.controller';
import { TaskOutcomePageController } from './work/task-outcome.controller';
import { DriveItemPageController } from './work/drive-item.controller';
import { ListWorklistDriveItemsHandler } from './queries/list-worklist-drive-items/list-worklist-drive-items.handler';
import { GetTaskOutcomeFormHandler } from './queries/get-task-outcome-form/get-task-outcome-form.handler';
import { ImportsPageController } from './admin/imports.controller';
import { ImportUploadInterceptor } from './admin/import-upload.interceptor';
import { PackPageController } from './admin/pack.controller';
import { UsersPageController } from './admin/users.controller';
import { DashboardPageController } from './dashboard/dashboard.controller';
import { OfficeFiguresPageController } from './dashboard/office-figures.controller';
import { RecoveryPlansPageController } from './dashboard/plans.controller';
import { ListRecoveryPlansHandler } from './queries/list-recovery-plans/list-recovery-plans.handler';
import { NoticesPageController } from './notices/notices-page.controller';
import { GetAgingDistributionHandler } from './queries/get-aging-distribution/get-aging-distribution.handler';
import { GetContributionArrearsHandler } from './queries/get-contribution-arrears/get-contribution-arrears.handler';
import { ListCaseDeadlinesHandler } from './queries/list-case-deadlines/list-case-deadlines.handler';
import { GetCollectorPerformanceHandler } from './queries/get-collector-performance/get-collector-performance.handler';
import { ListDrivesHandler } from './queries/list-drives/list-drives.handler';
import { ListFigureCausesHandler } from './queries/list-figure-causes/list-figure-causes.handler';
import {
  ListImportErrorsHandler,
  ListImportsHandler,
} from './queries/list-imports/list-imports.handler';
import { ListNoticesHandler } from './queries/list-notices/list-notices.handler';
import { ListCaseLetterTemplatesHandler } from './queries/list-case-letter-templates/list-case-letter-templates.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { ReportsPageController } from './reports/reports-page.controller';
import { AuditPageController } from './audit/audit-page.controller';
import { LegalPageController } from './legal/legal-page.controller';
import { RecordingsPageController } from './recordings/recordings-page.controller';
import { ListAuditEventsHandler } from './queries/list-audit-events/list-audit-events.handler';
import { VerifyAuditChainHandler } from './queries/verify-audit-chain/verify-audit-chain.handler';
import {
  GetLegalDocumentHandler,
  GetLegalMatterHandler,
  ListLegalMattersHandler,
} from './queries/list-legal-matters/list-legal-matters.handler';
import {
  GetRecordingFileHandler,
  ListRecordingsHandler,
} from './queries/list-recordings/list-recordings.handler';
import { ApprovalsPageController } from './approvals/approvals.controller';
import { FinancePageController } from './finance/finance.controller';
import { ListApprovalInboxHandler } from './queries/list-approval-inbox/list-approval-inbox.handler';
import { ListOpenDisputesHandler } from './queries/list-open-disputes/list-open-disputes.handler';
import { ListRecentPaymentsHandler } from './queries/list-recent-payments/list-recent-payments.handler';
import { SearchAccountsHandler } from './queries/search-accounts/search-accounts.handler';

/**
 * The web console at / and /console: server-rendered pages over the same CommandBus and
 * QueryBus, AccessGuard roles and case visibility as /api/v1 (see CONVENTIONS.md).
 */
@Module({
  imports: [
    CqrsModule,
    TenancyModule,
    // The same (deduplicated) module instance the API's collection routes use: pack ports.
    CollectionModule.withPorts(ENGINE_COLLECTION_PORTS),
    // The pinned pack's templates for the case page's 开具通知书 (the one shared cache).
    ActivePacksModule,
    // The process's one letter browser (the same module instance the notices API imports).
    NoticesModule.withPorts(ENGINE_NOTICES_PORTS),
  ],
  controllers: [
    HomeController,
    AssetsController,
    LanguageController,
    LoginPageController,
    LogoutController,
    WorklistPageController,
    TaskOutcomePageController,
    DriveItemPageController,
    // Before the case page: its static pool/... routes must not be taken for a case id.
    CasePoolController,
    CasePoolFilesController,
    CasePageController,
    CaseLetterController,
    CaseContactsController,
    CaseActionsController,
    CaseDisputesController,
    CasePlansController,
    CaseSelfServiceController,
    DisputesInboxController,
    SupervisorPageController,
    DashboardPageController,
    OfficeFiguresPageController,
    RecoveryPlansPageController,
    ReportsPageController,
    UsersPageController,
    PackPageController,
    ImportsPageController,
    NoticesPageController,
    LegalPageController,
    RecordingsPageController,
    AuditPageController,
    ApprovalsPageController,
    FinancePageController,
  ],
  providers: [
    ConsoleViews,
    ConsoleErrorFilter,
    CsrfGuard,
    HtmlInterceptor,
    GetContactWindowsHandler,
    GetContactTermsHandler,
    ListCollectorsHandler,
    ListCaseFilterChoicesHandler,
    MergeNoticePdfsHandler,
    ListSupervisorCasesHandler,
    ListAlertGroupsHandler,
    GetCaseDatesHandler,
    GetCasePlansHandler,
    GetPlanLetterHandler,
    GetPlanLetterPdfHandler,
    SupervisorDesk,
    GetAgingDistributionHandler,
    GetContributionArrearsHandler,
    ListCaseDeadlinesHandler,
    GetCollectorPerformanceHandler,
    ListDrivesHandler,
    ListFigureCausesHandler,
    ListRecoveryPlansHandler,
    ListUsersHandler,
    ListImportsHandler,
    ListImportErrorsHandler,
    ListNoticesHandler,
    GetTaskOutcomeFormHandler,
    ListWorklistDriveItemsHandler,
    ListCaseLetterTemplatesHandler,
    ListApprovalInboxHandler,
    ListOpenDisputesHandler,
    ListRecentPaymentsHandler,
    SearchAccountsHandler,
    ListLegalMattersHandler,
    GetLegalMatterHandler,
    GetLegalDocumentHandler,
    ListRecordingsHandler,
    GetRecordingFileHandler,
    ListAuditEventsHandler,
    VerifyAuditChainHandler,
    CasePageModel,
    CasePoolModel,
    ImportUploadInterceptor,
  ],
})
export class ConsoleModule {}
