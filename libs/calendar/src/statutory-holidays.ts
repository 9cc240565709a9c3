import { getSolarDateFromLunar } from 'chinese-days';
import { LocalDate, addDays } from './local-date';

/**
 * The public holidays fixed by law (《全国年节及纪念日放假办法》, as revised from 2025): 元旦 1 day,
 * 春节 4 days (除夕 and 正月初一至初三), 清明 1 day, 劳动节 2 days (5月1日、2日), 端午 1 day, 中秋
 * 1 day, 国庆 3 days (10月1日至3日). Each year's full arrangement (bridging days off and the
 * make-up weekends, 调休) is published by the State Council late in the year before; until the
 * holiday data carries it, these days are certain and the rest is not.
 */
export interface StatutoryHoliday {
  readonly date: LocalDate;
  readonly en: string;
  readonly zh: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The solar date of a lunar month/day. The Date is built from local fields because
 * chinese-days reads and writes local fields here; a UTC-parsed string would shift a day
 * under a negative UTC offset.
 */
function lunarToSolar(year: number, month: number, day: number): LocalDate {
  return getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * 清明 (pure brightness) in April: the solar-term rule for 2000-2099, day = ⌊Y·0.2422 + 4.81⌋ −
 * ⌊Y/4⌋ with Y the year's last two digits (the constant chinese-days uses; it lists no
 * exception for 清明 this century). Computed here because chinese-days formats it through a
 * UTC-parsed date, a day early under a negative UTC offset.
 */
function qingming(year: number): LocalDate {
  const y = year % 100;
  return `${year}-04-${pad(Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4))}`;
}

/** The law's holidays of `year` (2000-2099). */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const springFestival = lunarToSolar(year, 1, 1);
  const day = (date: LocalDate, en: string, zh: string) => ({ date, en, zh });
  return [
    day(`${year}-01-01`, "New Year's Day", '元旦'),
    day(addDays(springFestival, -1), 'Spring Festival', '春节'),
    day(springFestival, 'Spring Festival', '春节'),
    day(addDays(springFestival, 1), 'Spring Festival', '春节'),
    day(addDays(springFestival, 2), 'Spring Festival', '春节'),
    day(qingming(year), 'Tomb-sweeping Day', '清明'),
    day(`${year}-05-01`, 'Labour Day', '劳动节'),
    day(`${year}-05-02`, 'Labour Day', '劳动节'),
    day(lunarToSolar(year, 5, 5), 'Dragon Boat Festival', '端午'),
    day(lunarToSolar(year, 8, 15), 'Mid-autumn Festival', '中秋'),
    day(`${year}-10-01`, 'National Day', '国庆节'),
    day(`${year}-10-02`, 'National Day', '国庆节'),
    day(`${year}-10-03`, 'National Day', '国庆节'),
  ];
}
