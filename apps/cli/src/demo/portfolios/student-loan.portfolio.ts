import { addDays, addYears, compareDates, dec } from '@qingshou/ledger';
import { generateSchedule } from '@qingshou/ledger';
import type { DemoPayment, DemoPortfolio, PortfolioContext } from '../portfolio.types';
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
 * The office holds its default rate under its 5% line (篇二/四/七): each cohort just under it,
 * the 2019 cohort above it, and most defaulters from the vocational school, so the principal
 * sees what to chase. Counted out per cohort (not drawn), so any book size lands near 4.7%.
 */
const COHORT_DEFAULT_SHARE = 0.049;
const RISKY_COHORT = { year: 2019, share: 0.085 };
const RISKY_SCHOOL = { code: 'zg', shareOfDefaults: 0.6 };
/** One borrower in this many paid the last settlement late, after the office chased: 本年回收. */
const CURED_EVERY = 20;

interface Drawn {
  readonly graduation: number;
  readonly school: ReturnType<PortfolioBuilder['group']>;
}

/** `n` of the items, evenly spread through them (never the same one twice). */
const spread = (items: readonly number[], n: number): number[] =>
  Array.from({ length: n }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / n)]);

/**
 * The last settlement paid weeks late (but before today): arrears the school recovered. The
 * borrower pays 3% over the installment, which covers the 罚息 of those weeks in full.
 */
function paidLate(payments: DemoPayment[], seq: number, today: string): DemoPayment[] {
  const last = payments.at(-1);
  if (!last) return payments;
  const late = addDays(last.paidOn, 45 + (seq % 90));
  const paidOn = compareDates(late, today) < 0 ? late : addDays(today, -1);
  const amount = dec(last.amount).mul('1.03').toDecimalPlaces(2).toFixed(2);
  return [...payments.slice(0, -1), { paidOn, amount }];
}

/** Which borrowers (by index) have defaulted: a count per cohort, most at the risky school. */
function defaulters(drawn: readonly Drawn[]): Set<number> {
  const byCohort = new Map<number, number[]>();
  drawn.forEach((d, i) => byCohort.set(d.graduation, [...(byCohort.get(d.graduation) ?? []), i]));
  const out = new Set<number>();
  for (const [year, members] of byCohort) {
    const share = year === RISKY_COHORT.year ? RISKY_COHORT.share : COHORT_DEFAULT_SHARE;
    const count = Math.floor(members.length * share);
    const risky = members.filter((i) => drawn[i].school.code === RISKY_SCHOOL.code);
    const rest = members.filter((i) => drawn[i].school.code !== RISKY_SCHOOL.code);
    const fromRisky = Math.min(risky.length, Math.ceil(count * RISKY_SCHOOL.shareOfDefaults));
    for (const i of [...spread(risky, fromRisky), ...spread(rest, count - fromRisky)]) out.add(i);
  }
  return out;
}

/**
 * 生源地信用助学贷款 by school and graduating cohort (篇二/四/七): 6,000–8,000 each, settled
 * every 12-20; under one borrower in twenty has missed the last settlement (some the last two),
 * and one in twenty paid it weeks late once the school chased it (本年回收金额).
 */
export function studentLoanPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const schools = SCHOOLS.map((s) => b.group('school', s.code, s.name));
  const cohorts = new Map<number, ReturnType<PortfolioBuilder['group']>>();
  for (let year = 2018; year <= 2025; year++) {
    cohorts.set(year, b.group('cohort', String(year), `${year}届`));
  }
  const drawn: Drawn[] = Array.from({ length: ctx.size }, () => ({
    graduation: rng.int(2018, 2025),
    school: rng.pick(schools),
  }));
  const defaulted = defaulters(drawn);
  for (let seq = 0; seq < ctx.size; seq++) {
    const { graduation, school } = drawn[seq];
    const enrolment = graduation - 4;
    const parent = b.relative('co-borrower', rng.pick(['父亲', '母亲']));
    const student = b.person({
      regions: REGIONS,
      born: [graduation - 19, graduation - 18],
      address: `某某县${rng.pick(['城关镇', '河西乡', '北旗乡', '南坡乡', '东庄镇'])}${rng.int(1, 20)}组`,
      groups: [school, cohorts.get(graduation) as ReturnType<PortfolioBuilder['group']>],
      relatedParties: [parent],
    });
    const principal = rng.pick(['6000.00', '7000.00', '8000.00']);
    const lapses = rng.weighted([
      [1, 3],
      [2, 1],
    ] as const);
    const missed = defaulted.has(seq) ? lapses : 0;
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
        payments:
          missed === 0 && seq % CURED_EVERY === CURED_EVERY - 1
            ? paidLate(paidInstallments(schedule, due), seq, ctx.today)
            : paidInstallments(schedule, Math.max(0, due - missed)),
        scheduleParams: { method: 'student-loan', subsidyEndDate, graceYears, finalDueDate },
      },
    );
  }
  return b.build();
}
