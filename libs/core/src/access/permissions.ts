import { ForbiddenError } from '../errors/domain-error';
import type { Role } from '../auth/role';
import type { Viewer } from './viewer';

/** Every role a tenant user can hold (the platform admin has no tenant data). */
const EVERY_TENANT_ROLE = [
  'tenant-admin',
  'manager',
  'supervisor',
  'phone-collector',
  'field-collector',
  'legal',
  'finance',
  'auditor',
  'clerk',
] as const satisfies readonly Role[];

const COLLECTORS = ['phone-collector', 'field-collector'] as const satisfies readonly Role[];
const KPI_READERS = [
  'tenant-admin',
  'manager',
  'supervisor',
  'finance',
  'auditor',
] as const satisfies readonly Role[];
const NOTICE_WORKERS = [
  'tenant-admin',
  'manager',
  'supervisor',
  'legal',
  'clerk',
  ...COLLECTORS,
] as const satisfies readonly Role[];
const IMPORTERS = [
  'tenant-admin',
  'manager',
  'supervisor',
  'clerk',
  'finance',
] as const satisfies readonly Role[];
const RUNNERS = ['tenant-admin', 'manager', 'supervisor'] as const satisfies readonly Role[];
// 篇一 and 篇八: the clerk (内勤) compiles the weekly and monthly reports.
const REPORTERS = [
  'tenant-admin',
  'manager',
  'supervisor',
  'finance',
  'clerk',
] as const satisfies readonly Role[];
const DRIVE_LEADS = ['tenant-admin', 'manager'] as const satisfies readonly Role[];
const DRIVE_WORKERS = [
  'tenant-admin',
  'manager',
  'supervisor',
  'clerk',
  ...COLLECTORS,
] as const satisfies readonly Role[];
const PACK_READERS = [
  'platform-admin',
  'tenant-admin',
  'manager',
  'auditor',
] as const satisfies readonly Role[];
const ALERT_HOLDERS = ['supervisor', 'manager', 'tenant-admin'] as const satisfies readonly Role[];

/**
 * THE role matrix: permission → roles that hold it (deny by default). Every command and query
 * handler asks `requirePermission`; every HTTP and console route declares `@Permission(name)`,
 * which reads its roles from here, so the API, the console, the CLI and jobs get one answer.
 * Built from the routes' former @Roles lists, which users rely on (篇一/篇五/篇六/篇八).
 */
export const PERMISSIONS = {
  // Cases (篇八: collectors work their own; supervisors distribute; managers oversee).
  'case.read': EVERY_TENANT_ROLE,
  'case.open': ['manager', 'supervisor', 'tenant-admin', 'clerk'],
  'case.assign': ['manager', 'supervisor', 'tenant-admin'],
  'case.work': [...COLLECTORS, 'supervisor', 'manager', 'tenant-admin', 'legal', 'clerk'],
  'case.pause': ['supervisor', 'manager', 'tenant-admin', 'legal'],
  // 异议 (issue 16 §2): whoever works the case records one; the pack's role decides (handler).
  'dispute.raise': [...COLLECTORS, 'supervisor', 'manager', 'tenant-admin', 'legal', 'clerk'],
  'dispute.decide': ['supervisor', 'manager', 'legal', 'finance', 'tenant-admin'],
  'case.close': ['manager', 'supervisor', 'tenant-admin'],
  'debtor.blacklist': ['manager', 'supervisor', 'tenant-admin', 'legal'],
  'promise.record': [...COLLECTORS, 'supervisor', 'manager', 'tenant-admin', 'legal'],
  'promise.evaluate': ['manager', 'tenant-admin'],
  'approval.request': [
    ...COLLECTORS,
    'supervisor',
    'manager',
    'tenant-admin',
    'legal',
    'finance',
    'clerk',
  ],
  'approval.decide': ['manager', 'supervisor', 'legal', 'finance', 'tenant-admin'],
  'cost.add': [...COLLECTORS, 'supervisor', 'manager', 'legal', 'finance'],
  'legal-step.record': ['legal', 'manager'],
  'settlement-in-kind.record': ['legal', 'finance', 'manager'],
  'task.manage': [...COLLECTORS, 'supervisor', 'manager', 'tenant-admin', 'legal', 'clerk'],
  'team.manage': ['manager', 'tenant-admin'],
  'alert.read': ALERT_HOLDERS,
  'alert.acknowledge': ALERT_HOLDERS,

  // Ledger (内勤 enters, 财务 reconciles; collectors learn of guarantors in calls and visits).
  'ledger.read': EVERY_TENANT_ROLE,
  'debtor.register': ['tenant-admin', 'manager', 'supervisor', 'clerk'],
  'account.register': ['tenant-admin', 'manager', 'clerk', 'finance'],
  'payment.record': ['tenant-admin', 'manager', 'finance', 'clerk'],
  'payment.reverse': ['tenant-admin', 'finance'],
  'related-party.add': ['tenant-admin', 'manager', 'supervisor', 'clerk', ...COLLECTORS],
  // Issue 11 §2: the same people who learn of guarantors also find new numbers and addresses,
  // mark a number 空号/停机 and a debtor 失联 (the contact panel of the case page).
  'contact-point.manage': ['tenant-admin', 'manager', 'supervisor', 'clerk', ...COLLECTORS],

  // Notices (collectors deliver letters on visits; 内勤 mails; 法务 sends final notices).
  'notice.read': NOTICE_WORKERS,
  'notice.issue': NOTICE_WORKERS,
  'notice.record-delivery': NOTICE_WORKERS,
  // A letter of a case, before issuing it (the same people who issue it).
  'notice.preview': NOTICE_WORKERS,
  // A template draft's own source with sample data: those who try pack changes.
  'notice.preview-source': ['tenant-admin', 'manager'],
  // No person issues a rendered letter or sends the outbox: a person's letter goes through
  // IssueCaseNotice (notice.issue), which hands the engine's rendering to the system viewer;
  // the nightly run and the notices job deliver drafts.
  'notice.issue-rendered': [],
  'notice.dispatch': [],

  // Imports, runs, reports.
  'import.start': IMPORTERS,
  'import.read': [...IMPORTERS, 'auditor'],
  'run.start': RUNNERS,
  'run.read': [...RUNNERS, 'auditor'],
  'report.run': REPORTERS,
  'report.read': REPORTERS,
  'legal-hold.set': ['tenant-admin', 'manager', 'legal'],
  // 篇三: the office (supervisor) keeps the drive's statistics, so it reads the dashboard too.
  'dashboard.read': ['manager', 'tenant-admin', 'finance', 'auditor', 'supervisor'],
  // No person purges files: only the nightly run (the system viewer) applies retention.
  'retention.apply': [],
  // 篇八: the recordings archive is written by the daily job (system viewer); its last run is
  // shown to the tenant admin and the clerk who keeps the files.
  'recordings.archive': [],
  'backup.read': ['tenant-admin', 'clerk'],
  // 篇八 全程录音: the clerk keeps the recordings; leaders check them; the auditor reviews them.
  'recordings.read': ['clerk', 'manager', 'supervisor', 'tenant-admin', 'auditor'],
  // The hash-chained event log and its verification: the auditor's room, and the tenant's
  // leaders who answer for the trail (no collector reads other people's actions).
  'audit.read': ['auditor', 'tenant-admin', 'manager'],

  // The pack, the engine and its outcomes (KPIs, incentives, drives).
  'pack.list-available': PACK_READERS,
  'pack.diff': PACK_READERS,
  'pack.read-current': ['platform-admin', ...EVERY_TENANT_ROLE],
  // The manager sees the installation history on the console's pack page (console.pack).
  'pack.read-installed': ['platform-admin', 'tenant-admin', 'manager', 'auditor'],
  'pack.install': ['platform-admin', 'tenant-admin'],
  'pack.upgrade': ['platform-admin', 'tenant-admin'],
  'pack.dry-run': ['tenant-admin', 'manager'],
  'engine.evaluate': ['tenant-admin', 'manager'],
  // Re-evaluation after a payment event: only the worker's relay (system viewer) sends it.
  'engine.reevaluate': [],
  'kpi.read': KPI_READERS,
  'kpi.snapshot': ['tenant-admin', 'manager'],
  'kpi.input': ['tenant-admin', 'manager', 'finance'],
  'incentive.read': EVERY_TENANT_ROLE,
  'rating.recompute': ['tenant-admin', 'manager'],
  'flag.evaluate': ['tenant-admin', 'manager'],
  'sanction.read': [...KPI_READERS, 'legal'],
  'attribute.set': ['tenant-admin', 'manager', 'supervisor', 'clerk', ...COLLECTORS],
  'drive.launch': DRIVE_LEADS,
  'drive.publish': DRIVE_LEADS,
  'drive.progress.read': KPI_READERS,
  'drive.publications.read': KPI_READERS,
  'drive.items.read': [...DRIVE_WORKERS, 'auditor'],
  'drive.item.complete': DRIVE_WORKERS,
  'drive.publication.decide': ['tenant-admin', 'manager', 'supervisor', 'legal', 'finance'],

  // Identity and the platform.
  'me.read': ['platform-admin', ...EVERY_TENANT_ROLE],
  // Changing one's own password (POST /me/password): anyone who can sign in.
  'me.password': ['platform-admin', ...EVERY_TENANT_ROLE],
  'user.create': ['tenant-admin', 'platform-admin'],
  'user.manage': ['tenant-admin'],
  'tenant-profile.update': ['tenant-admin'],
  // The tenant's session limits: idle timeout and absolute lifetime (PUT /tenant/session-policy).
  'tenant-sessions.update': ['tenant-admin'],
  'tenant.create': ['platform-admin'],
  'failed-jobs.read': ['platform-admin'],

  // Console pages that only show what the permissions above already allow.
  'console.home': [...EVERY_TENANT_ROLE, 'platform-admin'],
  'console.work': [...COLLECTORS, 'supervisor', 'manager', 'legal', 'clerk'],
  'console.supervisor': ['supervisor', 'manager', 'tenant-admin'],
  'console.pack': ['tenant-admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

/** The roles that hold a permission (for route declarations and messages). */
export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/** Whether the viewer holds the permission. A system viewer holds every permission. */
export function hasPermission(viewer: Viewer, permission: Permission): boolean {
  if (viewer.system) return true;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return viewer.roles.some((role) => allowed.includes(role));
}

/**
 * Refuses (403) a viewer without the permission. Handlers call it first, before reading
 * anything, so a refused call writes nothing whichever edge dispatched it.
 */
export function requirePermission(viewer: Viewer, permission: Permission): void {
  if (!hasPermission(viewer, permission)) {
    throw new ForbiddenError(
      `This action (${permission}) needs one of the roles: ${PERMISSIONS[permission].join(', ')}`,
    );
  }
}
