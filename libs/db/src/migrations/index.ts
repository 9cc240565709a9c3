import { Migration20261128000001Platform } from './Migration20261128000001Platform';
import { Migration20261128000002Ledger } from './Migration20261128000002Ledger';
import { Migration20261128000003Collection } from './Migration20261128000003Collection';
import { Migration20261128000004Notices } from './Migration20261128000004Notices';
import { Migration20261128000005Policy } from './Migration20261128000005Policy';
import { Migration20261128000006Imports } from './Migration20261128000006Imports';
import { Migration20261128000007Engine } from './Migration20261128000007Engine';
import { Migration20261128000008Kpi } from './Migration20261128000008Kpi';
import { Migration20261129000009EngineRules } from './Migration20261129000009EngineRules';
import { Migration20261129000010NoticeData } from './Migration20261129000010NoticeData';
import { Migration20261129000011Runs } from './Migration20261129000011Runs';
import { Migration20261129000012Delivery } from './Migration20261129000012Delivery';
import { Migration20261129000013Reporting } from './Migration20261129000013Reporting';
import { Migration20261129000014Reconciliation } from './Migration20261129000014Reconciliation';
import { Migration20261207000015AccountOwnTerms } from './Migration20261207000015AccountOwnTerms';
import { Migration20261207000016NoticeCaseKey } from './Migration20261207000016NoticeCaseKey';
import { Migration20261207000017PersonNoticeHolds } from './Migration20261207000017PersonNoticeHolds';
import { Migration20261207000019Sessions } from './Migration20261207000019Sessions';
import { Migration20261207000020CasePool } from './Migration20261207000020CasePool';
import { Migration20261207000021ContactPoints } from './Migration20261207000021ContactPoints';
import { Migration20261207000022ContactLogging } from './Migration20261207000022ContactLogging';
import { Migration20261207000023TaskOutcomes } from './Migration20261207000023TaskOutcomes';
import { Migration20261207000025LegalMatters } from './Migration20261207000025LegalMatters';
import { Migration20261207000026Assignment } from './Migration20261207000026Assignment';
import { Migration20261207000031ReportFiles } from './Migration20261207000031ReportFiles';
import { Migration20261207000033RepaymentPlans } from './Migration20261207000033RepaymentPlans';
import { Migration20261207000039DebtorLinks } from './Migration20261207000039DebtorLinks';
import { Migration20261207000041TemplatePurpose } from './Migration20261207000041TemplatePurpose';
import { Migration20261207000045DriveSnapshots } from './Migration20261207000045DriveSnapshots';
import { Migration20261207000042SearchTrigrams } from './Migration20261207000042SearchTrigrams';
import { Migration20261207000043RunStatistics } from './Migration20261207000043RunStatistics';
import { Migration20261207000034DashboardFigures } from './Migration20261207000034DashboardFigures';
import { Migration20261207000032Disputes } from './Migration20261207000032Disputes';
import { Migration20261207000027KpiOpeningRecovered } from './Migration20261207000027KpiOpeningRecovered';
import { Migration20261207000035WorklistIndexes } from './Migration20261207000035WorklistIndexes';
import { Migration20261207000036IncrementalRuns } from './Migration20261207000036IncrementalRuns';
import { Migration20261207000037ScaleOut } from './Migration20261207000037ScaleOut';
import { Migration20261207000038PlanSignedCopy } from './Migration20261207000038PlanSignedCopy';

/** Every migration, in order. Listed explicitly so the compiled build finds them. */
export const MIGRATIONS = [
  { name: 'Migration20261128000001Platform', class: Migration20261128000001Platform },
  { name: 'Migration20261128000002Ledger', class: Migration20261128000002Ledger },
  { name: 'Migration20261128000003Collection', class: Migration20261128000003Collection },
  { name: 'Migration20261128000004Notices', class: Migration20261128000004Notices },
  { name: 'Migration20261128000005Policy', class: Migration20261128000005Policy },
  { name: 'Migration20261128000006Imports', class: Migration20261128000006Imports },
  { name: 'Migration20261128000007Engine', class: Migration20261128000007Engine },
  { name: 'Migration20261128000008Kpi', class: Migration20261128000008Kpi },
  { name: 'Migration20261129000009EngineRules', class: Migration20261129000009EngineRules },
  { name: 'Migration20261129000010NoticeData', class: Migration20261129000010NoticeData },
  { name: 'Migration20261129000011Runs', class: Migration20261129000011Runs },
  { name: 'Migration20261129000012Delivery', class: Migration20261129000012Delivery },
  { name: 'Migration20261129000013Reporting', class: Migration20261129000013Reporting },
  { name: 'Migration20261129000014Reconciliation', class: Migration20261129000014Reconciliation },
  { name: 'Migration20261207000015AccountOwnTerms', class: Migration20261207000015AccountOwnTerms },
  { name: 'Migration20261207000016NoticeCaseKey', class: Migration20261207000016NoticeCaseKey },
  {
    name: 'Migration20261207000017PersonNoticeHolds',
    class: Migration20261207000017PersonNoticeHolds,
  },
  { name: 'Migration20261207000019Sessions', class: Migration20261207000019Sessions },
  { name: 'Migration20261207000020CasePool', class: Migration20261207000020CasePool },
  {
    name: 'Migration20261207000021ContactPoints',
    class: Migration20261207000021ContactPoints,
  },
  {
    name: 'Migration20261207000022ContactLogging',
    class: Migration20261207000022ContactLogging,
  },
  { name: 'Migration20261207000023TaskOutcomes', class: Migration20261207000023TaskOutcomes },
  { name: 'Migration20261207000025LegalMatters', class: Migration20261207000025LegalMatters },
  { name: 'Migration20261207000026Assignment', class: Migration20261207000026Assignment },
  {
    name: 'Migration20261207000027KpiOpeningRecovered',
    class: Migration20261207000027KpiOpeningRecovered,
  },
  { name: 'Migration20261207000031ReportFiles', class: Migration20261207000031ReportFiles },
  { name: 'Migration20261207000032Disputes', class: Migration20261207000032Disputes },
  {
    name: 'Migration20261207000033RepaymentPlans',
    class: Migration20261207000033RepaymentPlans,
  },
  {
    name: 'Migration20261207000034DashboardFigures',
    class: Migration20261207000034DashboardFigures,
  },
  {
    name: 'Migration20261207000035WorklistIndexes',
    class: Migration20261207000035WorklistIndexes,
  },
  {
    name: 'Migration20261207000036IncrementalRuns',
    class: Migration20261207000036IncrementalRuns,
  },
  { name: 'Migration20261207000037ScaleOut', class: Migration20261207000037ScaleOut },
  {
    name: 'Migration20261207000038PlanSignedCopy',
    class: Migration20261207000038PlanSignedCopy,
  },
  { name: 'Migration20261207000039DebtorLinks', class: Migration20261207000039DebtorLinks },
  {
    name: 'Migration20261207000041TemplatePurpose',
    class: Migration20261207000041TemplatePurpose,
  },
  {
    name: 'Migration20261207000042SearchTrigrams',
    class: Migration20261207000042SearchTrigrams,
  },
  {
    name: 'Migration20261207000043RunStatistics',
    class: Migration20261207000043RunStatistics,
  },
  {
    name: 'Migration20261207000045DriveSnapshots',
    class: Migration20261207000045DriveSnapshots,
  },
];

export { PLATFORM_TENANT_ID } from './Migration20261128000001Platform';
export { tenantRlsSql } from './tenant-rls.sql';
