import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { statutoryHolidays } from './statutory-holidays';

describe('statutory holidays by law (元旦1, 春节4, 清明1, 劳动节2, 端午1, 中秋1, 国庆3)', () => {
  it('are 13 days, and in 2025 and 2026 every one is a holiday in the published arrangement', () => {
    for (const year of [2025, 2026]) {
      const days = statutoryHolidays(year);
      expect(days).toHaveLength(13);
      for (const day of days) expect(chineseDaysData.holidays).toHaveProperty([day.date]);
    }
  });

  it('2027: 除夕 02-05, 春节 02-06…02-08, 清明 04-05, 端午 06-09, 中秋 09-15', () => {
    const byName = (zh: string) =>
      statutoryHolidays(2027)
        .filter((d) => d.zh === zh)
        .map((d) => d.date);
    expect(byName('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(byName('清明')).toEqual(['2027-04-05']);
    expect(byName('端午')).toEqual(['2027-06-09']);
    expect(byName('中秋')).toEqual(['2027-09-15']);
    expect(byName('劳动节')).toEqual(['2027-05-01', '2027-05-02']);
  });
});
