import { addYears, compareDates } from '@qingshou/ledger';
import { generateSchedule } from '@qingshou/ledger';
import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { paidInstallments, PortfolioBuilder } from '../shape';

const SCHOOLS = [
  { code: 'yz', name: '某某县第一中学' },
  { code: 'ez', name: '某某县第二中学' },
  { code: 'sz', name: '某某县第三中学' },
  { code: 'zg', name: '某某县职业高级中学' },
];
const REGIONS = ['340104', '340102', '340111', '340121'];

/**
 * 生源地信用助学贷款 by school and graduating cohort (篇二/四/七): 6,000–8,000 each, settled
 * every 12-20; about one borrower in ten has missed the last settlement (some the last two).
 */
export function studentLoanPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const schools = SCHOOLS.map((s) => b.group('school', s.code, s.name));
  const cohorts = new Map<number, ReturnType<PortfolioBuilder['group']>>();
  for (let year = 2018; year <= 2025; year++) {
    cohorts.set(year, b.group('cohort', String(year), `${year}届`));
  }
  for (let seq = 0; seq < ctx.size; seq++) {
    const graduation = rng.int(2018, 2025);
    const enrolment = graduation - 4;
    const school = rng.pick(schools);
    const parent = b.relative('co-borrower', rng.pick(['父亲', '母亲']));
    const student = b.person({
      regions: REGIONS,
      born: [graduation - 19, graduation - 18],
      address: `某某县${rng.pick(['城关镇', '河西乡', '北旗乡', '南坡乡', '东庄镇'])}${rng.int(1, 20)}组`,
      groups: [school, cohorts.get(graduation) as ReturnType<PortfolioBuilder['group']>],
      relatedParties: [parent],
    });
    const principal = rng.pick(['6000.00', '7000.00', '8000.00']);
    const missed = rng.weighted([
      [0, 88],
      [1, 9],
      [2, 3],
    ] as const);
    const graceYears = graduation <= 2019 ? 3 : 5;
    const annualRate = graduation <= 2019 ? '0.0435' : '0.0345';
    const subsidyEndDate = `${graduation}-08-31`;
    const finalDueDate = `${graduation + 15}-12-20`;
    const schedule = generateSchedule({
      method: 'student-loan',
      principal,
      annualRate,
      subsidyEndDate,
      graceYears,
      finalDueDate,
      dayCountBasis: 360,
    });
    const due = schedule.filter((row) => compareDates(row.dueDate, ctx.today) < 0).length;
    b.account(
      student,
      {
        type: 'student-loan',
        externalRef: `SY${enrolment}${String(seq).padStart(5, '0')}`,
        principal,
        annualRate,
        penaltyMarkup: '0.3',
      },
      {
        startDate: addYears(subsidyEndDate, -4),
        schedule,
        payments: paidInstallments(schedule, Math.max(0, due - missed)),
        scheduleParams: { method: 'student-loan', subsidyEndDate, graceYears, finalDueDate },
      },
    );
  }
  return b.build();
}
