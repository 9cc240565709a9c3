import { maskAccountRef, ReportMasking, revealsInReports } from './report-masking';

describe('card numbers in reports, per the reader (issue 13 §3)', () => {
  it('a card number reads 6222 **** **** 1234; a contract number stays', () => {
    expect(maskAccountRef('6222021234561234')).toBe('6222 **** **** 1234');
    expect(maskAccountRef('6222 0212 3456 1234 567')).toBe('6222 **** **** 4567');
    expect(maskAccountRef('ZL-YS-00001')).toBe('ZL-YS-00001');
    expect(maskAccountRef('GJJ000464')).toBe('GJJ000464');
  });

  it('a clerk sees masked numbers, a manager whole ones', () => {
    expect(revealsInReports(['clerk'])).toBe(false);
    expect(revealsInReports(['manager'])).toBe(true);
    const clerk = new ReportMasking(false);
    expect(clerk.accountRefs('6222021234561234、6222021234565678')).toBe(
      '6222 **** **** 1234、6222 **** **** 5678',
    );
    const manager = new ReportMasking(true);
    expect(manager.accountRefs('ZL-YS-00001')).toBe('ZL-YS-00001');
    // Only a card printed whole makes the file a reveal roles' file.
    expect(manager.showedWhole).toBe(false);
    expect(manager.accountRefs('6222021234561234')).toBe('6222021234561234');
    expect(manager.showedWhole).toBe(true);
  });
});
