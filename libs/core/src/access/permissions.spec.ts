import { ForbiddenError } from '../errors/domain-error';
import { caseScopeOf, visibleCasesSql } from './case-visibility';
import { hasPermission, Permission, PERMISSIONS, requirePermission } from './permissions';
import { systemViewer } from './viewer';

describe('the role matrix (one answer for the API, the console, the CLI and jobs)', () => {
  it('a collector may not record a payment (内勤/财务 book receipts)', () => {
    const collector = { userId: 'u1', roles: ['phone-collector'] as const };
    expect(hasPermission(collector, 'payment.record')).toBe(false);
    expect(() => requirePermission(collector, 'payment.record')).toThrow(ForbiddenError);
  });

  it('finance and the clerk may record a payment; only finance and the admin may reverse', () => {
    expect(PERMISSIONS['payment.record']).toEqual(['tenant-admin', 'manager', 'finance', 'clerk']);
    expect(hasPermission({ userId: 'u', roles: ['clerk'] }, 'payment.reverse')).toBe(false);
    expect(hasPermission({ userId: 'u', roles: ['finance'] }, 'payment.reverse')).toBe(true);
  });

  it('the system viewer (jobs, CLI) holds every permission and sees every case', () => {
    const system = systemViewer('worker:test');
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission(system, permission)).toBe(true);
    }
    expect(caseScopeOf(system)).toEqual({ kind: 'all' });
    expect(visibleCasesSql(system).sql).toBe('true');
  });

  it('internal commands are held by no role: only the system viewer reaches them', () => {
    const systemOnly = Object.entries(PERMISSIONS)
      .filter(([, roles]) => roles.length === 0)
      .map(([permission]) => permission)
      .sort();
    expect(systemOnly).toEqual([
      'engine.reevaluate',
      'notice.dispatch',
      'notice.issue-rendered',
      'recordings.archive',
      'retention.apply',
    ]);
    const everyone = { userId: 'u', roles: ['tenant-admin', 'manager', 'clerk'] as const };
    expect(systemOnly.filter((p) => hasPermission(everyone, p as Permission))).toEqual([]);
  });

  it('a viewer with no roles holds nothing and sees no case', () => {
    const nobody = { userId: 'u', roles: [] };
    expect(hasPermission(nobody, 'case.read')).toBe(false);
    expect(visibleCasesSql(nobody).sql).toBe('false');
  });
});
