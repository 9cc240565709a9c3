import {
  caseContactAccess,
  MASKED,
  mayRevealPersonalData,
  PersonalDataView,
} from './personal-data-policy';

describe('personal data policy', () => {
  it('lets tenant-admin, manager, supervisor, legal and finance reveal; collectors, clerks and auditors may not', () => {
    for (const role of ['tenant-admin', 'manager', 'supervisor', 'legal', 'finance'] as const) {
      expect(mayRevealPersonalData([role])).toBe(true);
    }
    for (const role of ['phone-collector', 'field-collector', 'clerk', 'auditor'] as const) {
      expect(mayRevealPersonalData([role])).toBe(false);
    }
    expect(mayRevealPersonalData(['platform-admin'])).toBe(false);
    expect(mayRevealPersonalData(['clerk', 'finance'])).toBe(true);
  });

  it('masks the birth date of an ID number, the middle of a phone and the street of an address', () => {
    expect(MASKED.idNumber('11010519670523465X')).toBe('110105********465X');
    expect(MASKED.phone('18908695986')).toBe('189****5986');
    expect(MASKED.address('上海市徐汇区漕溪北路88号')).toBe('上海市徐汇区****');
    expect(MASKED.phone(null)).toBeNull();
  });

  it('a revealed view returns values whole', () => {
    expect(new PersonalDataView(true).idNumber('11010519670523465X')).toBe('11010519670523465X');
  });

  it('case contacts (issue 11 §2): the assigned user whole, a reveal role on request, the rest masked', () => {
    const ann = { userId: 'ann', roles: ['phone-collector'] as const };
    const boss = { userId: 'boss', roles: ['manager'] as const };
    expect(caseContactAccess(ann, 'ann', false)).toBe('assigned');
    expect(caseContactAccess(ann, 'bob', false)).toBe('masked');
    expect(caseContactAccess(ann, 'bob', true)).toBe('refused');
    expect(caseContactAccess(ann, null, false)).toBe('masked');
    expect(caseContactAccess(boss, 'ann', false)).toBe('masked');
    expect(caseContactAccess(boss, 'ann', true)).toBe('revealed');
    // A manager who is also the case's assignee needs no reveal.
    expect(caseContactAccess(boss, 'boss', false)).toBe('assigned');
  });
});
