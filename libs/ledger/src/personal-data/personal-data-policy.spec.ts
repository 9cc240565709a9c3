import { MASKED, mayRevealPersonalData, PersonalDataView } from './personal-data-policy';

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
});
