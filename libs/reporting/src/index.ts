export * from './reporting.module';
export type { Bilingual, Cell, ReportDocument, ReportTable } from './document/report-document';
export { latestDue, type ScheduledPeriod } from './support/report-schedule';
export {
  CONTENT_TYPES,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportRunView,
} from './runs/report-runs';
export * from './generate-report/generate-report.command';
export * from './run-due-reports/run-due-reports.command';
export * from './list-reports/list-reports.query';
export * from './get-report-file/get-report-file.query';
export * from './retention/apply-retention/apply-retention.command';
export * from './retention/set-legal-hold/set-legal-hold.command';
export { StoredFileEraser } from './retention/stored-file-eraser';
export { REPORT_ROLES, RETENTION_ROLES } from './support/report-roles';
export { revealsInReports } from './document/report-masking';
