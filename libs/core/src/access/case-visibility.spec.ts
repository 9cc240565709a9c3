import { assertMayChangeCases, caseScopeOf, visibleCasesSql } from './case-visibility';

const viewer = (...roles: Parameters<typeof caseScopeOf>[0]['roles']) => ({ userId: 'u1', roles });

describe('case visibility (篇八: a collector sees only the cases assigned to them)', () => {
  it('phone and field collectors see their own cases only', () => {
    expect(caseScopeOf(viewer('phone-collector'))).toEqual({ kind: 'own', userId: 'u1' });
    expect(caseScopeOf(viewer('field-collector'))).toEqual({ kind: 'own', userId: 'u1' });
    expect(visibleCasesSql(viewer('phone-collector'))).toEqual({
      sql: 'c.assignee_id = ?',
      params: ['u1'],
    });
  });

  it('a supervisor sees the cases of their teams and the unassigned cases of no team', () => {
    expect(caseScopeOf(viewer('supervisor', 'phone-collector')).kind).toBe('teams');
    const { sql, params } = visibleCasesSql(viewer('supervisor'));
    expect(params).toEqual(['u1', 'u1', 'u1']);
    expect(sql).toContain('(c.assignee_id is null and c.team_id is null)');
  });

  it('manager, tenant-admin, legal, finance, auditor and clerk see all', () => {
    for (const role of [
      'manager',
      'tenant-admin',
      'legal',
      'finance',
      'auditor',
      'clerk',
    ] as const) {
      expect(caseScopeOf(viewer(role)).kind).toBe('all');
    }
  });

  it('a platform admin sees no tenant case', () => {
    expect(visibleCasesSql(viewer('platform-admin')).sql).toBe('false');
  });

  it('the auditor reads but may not change cases', () => {
    expect(() => assertMayChangeCases(viewer('auditor'))).toThrow(
      'may read cases but not change them',
    );
    expect(() => assertMayChangeCases(viewer('auditor', 'supervisor'))).not.toThrow();
  });
});
