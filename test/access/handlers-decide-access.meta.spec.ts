import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * Handlers that decide no role, each for a stated reason. Everything else that handles a
 * command or query must call the core policy (`requirePermission`), so the API, the
 * console, the CLI and jobs get one answer whichever edge dispatched it.
 */
const NO_ROLE_TO_DECIDE: Record<string, string> = {
  // Authentication establishes the viewer; there is no viewer yet to decide about.
  'libs/tenancy/src/login/login.handler.ts': 'signs a user in',
  'libs/tenancy/src/renew-session/renew-session.handler.ts':
    "renews the caller's own token; roles are re-read from the users table",
  'libs/tenancy/src/logout/logout.handler.ts':
    "ends the caller's own session, found by the token it presents",
  // The debtor's own page (issue 16 §3): no user and no role; the link gate (unexpired,
  // unrevoked, unlocked, open case, pack on) and the session bound to that link decide.
  'apps/api/src/self-service/verify-identity/request-debtor-code.handler.ts':
    "the debtor's page: the link gate decides",
  'apps/api/src/self-service/verify-code/verify-debtor-code.handler.ts':
    "the debtor's page: the link gate decides",
  'apps/api/src/self-service/get-debtor-page/get-debtor-page.handler.ts':
    "the debtor's page: the link's verified session decides",
  'apps/api/src/self-service/debtor-act/debtor-act.handler.ts':
    "the debtor's page: the session and the pack decide, then the console's commands run",
  // Prints exactly what GetPlanLetter renders, dispatched through the query bus: that handler
  // decides the permission and the case's visibility, so the PDF can't answer differently.
  'apps/api/src/console/queries/get-plan-letter-pdf/get-plan-letter-pdf.handler.ts':
    'delegates to GetPlanLetter, which decides',
  // Dispatched only by the worker, for no tenant or for every tenant (no person reaches them).
  'libs/jobs/src/heartbeat/record-heartbeat.handler.ts': 'worker liveness',
  'libs/collection/src/monitor-slas/monitor-slas.handler.ts': 'the SLA job, per tenant',
  'libs/collection/src/monitor-slas/sla-tenants.handler.ts': 'the SLA job lists tenants',
  'libs/operations/src/resume-runs/resume-runs.handler.ts': 'worker boot sweep, every tenant',
  'libs/operations/src/sync-run-schedules/sync-run-schedules.handler.ts':
    'worker boot/timer, every tenant',
};

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : handlerFiles(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return /@(Command|Query)Handler\(/.test(text) ? [relative(ROOT, path)] : [];
  });
}

describe('issue 12: every command and query handler decides access through the core policy', () => {
  const files = [...handlerFiles(join(ROOT, 'libs')), ...handlerFiles(join(ROOT, 'apps'))];

  it('finds the handlers (the scan is not empty)', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('each handler calls requirePermission, unless it is on the commented allow-list', () => {
    const silent = files.filter(
      (file) =>
        !(file in NO_ROLE_TO_DECIDE) &&
        !/\brequirePermission\(/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(silent.sort()).toEqual([]);
  });

  it('the allow-list names only handlers that exist', () => {
    expect(Object.keys(NO_ROLE_TO_DECIDE).filter((file) => !files.includes(file))).toEqual([]);
  });
});
