import { addMonths, dec, type Installment } from '@qingshou/ledger';
import type { DemoAccount, DemoGroup, DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { drawDpd, monthlyLoan, paidInstallments, PortfolioBuilder } from '../shape';

const EMPLOYERS = [
  '县第三中学',
  '某某煤矿',
  '某某建材公司',
  '某某化工厂',
  '县人民医院',
  '县供电公司',
  '某某水泥厂',
  '县自来水公司',
  '某某纺织厂',
  '县农商银行',
  '某某食品公司',
  '县交通运输局',
  '某某机械厂',
  '县第一小学',
  '某某物流公司',
  '县中医院',
];
const BUCKETS = [
  [1, 30, 50],
  [31, 90, 25],
  [91, 180, 15],
  [181, 540, 10],
] as const;

/** 篇九: "几个煤矿基本上都停缴了" — these employers are months behind (停缴), the rest a month or two at most. */
const STOPPED = new Set(['某某煤矿', '某某化工厂', '某某水泥厂']);
/** Loans overdue: the office holds its 逾期率 near the 0.15% line, so only one is. */
const OVERDUE_LOANS = 1;
/** The pack's annual plan (annualRecoveryPlan) and the share of it recovered before the book. */
const PLAN = '22990000.00';
const OPENING_SHARE = '0.91';
/** Loans ÷ deposits the demo aims at (篇九: 个贷率达到82%), a little above so it reads 达标. */
const LOAN_TO_DEPOSIT = '0.825';

/**
 * 某某县住房公积金管理部: housing-fund loans of 200,000–500,000 over 20–30 years by employer
 * (篇九), and each employer's monthly contributions (应缴) for the last year, a few of them
 * months behind. The office's own figures are entered as it would on the KPI-input page: the
 * year's recoveries before the book began (≈91% of plan with the book's own) and the deposit
 * balance that makes its 个贷率 about 82%.
 */
export function housingFundPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const employers: { group: DemoGroup; headcount: number }[] = [];
  EMPLOYERS.forEach((name, i) => {
    const group = b.group('employer', `E${String(i + 1).padStart(3, '0')}`, name);
    const org = b.organisation({
      name,
      region: '620102',
      address: `某某县${name}院内`,
      groups: [group],
    });
    const headcount = rng.int(20, 260);
    employers.push({ group, headcount });
    const perHead = rng.int(600, 1500);
    const behind = STOPPED.has(name) ? rng.int(4, 7) : rng.chance(0.25) ? rng.int(1, 2) : 0;
    // Twelve months on the 15th: ten before this one, this one and the next.
    const base = `${ctx.today.slice(0, 7)}-15`;
    const schedule: Installment[] = [];
    for (let k = 0; k < 12; k++) {
      const drift = 1 + rng.int(-3, 3) / 100;
      schedule.push({
        seq: k + 1,
        dueDate: addMonths(base, k - 10),
        principal: dec(String(headcount * perHead))
          .mul(drift)
          .toDecimalPlaces(2)
          .toFixed(2),
        interest: '0.00',
      });
    }
    const due = schedule.filter((row) => row.dueDate < ctx.today).length;
    const principal = schedule.reduce((acc, r) => acc.plus(r.principal), dec('0')).toFixed(2);
    b.account(
      org,
      {
        type: 'employer-contribution',
        externalRef: `JC-E${String(i + 1).padStart(3, '0')}-${ctx.today.slice(0, 4)}`,
        principal,
        annualRate: '0',
        penaltyMarkup: '0',
      },
      {
        startDate: addMonths(base, -11),
        schedule,
        payments: paidInstallments(schedule, Math.max(0, due - behind)),
        scheduleParams: { method: 'given', headcount, perHead },
      },
    );
  });
  let seq = 0;
  while (b.accounts.length < ctx.size) {
    const employer = rng.weighted(employers.map((e) => [e, e.headcount] as const));
    const spouse = rng.chance(0.6) ? [b.relative('co-borrower', '配偶')] : [];
    const debtor = b.person({
      regions: ['620102', '620103', '620104'],
      born: [1968, 1996],
      address: `某某县${rng.pick(['幸福家园', '锦绣花园', '阳光小区', '职工新村'])}${rng.int(1, 30)}号楼`,
      groups: [employer.group],
      relatedParties: spouse,
    });
    const principal = rng.amount(200_000, 500_000, 10_000);
    const annualRate = rng.pick(['0.0310', '0.0285']);
    const method = rng.chance(0.6) ? 'equal-installment' : 'equal-principal';
    const termMonths = rng.pick([240, 300, 360]);
    seq += 1;
    b.account(
      debtor,
      {
        type: 'housing-fund-loan',
        externalRef: `GJJ${String(seq).padStart(6, '0')}`,
        principal,
        annualRate,
        penaltyMarkup: '0.5',
      },
      monthlyLoan(rng, ctx.today, {
        principal,
        annualRate,
        termMonths,
        method,
        dpd: seq <= OVERDUE_LOANS ? drawDpd(rng, 0, BUCKETS) : 0,
        maxElapsed: 24,
      }),
    );
  }
  const year = ctx.today.slice(0, 4);
  const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
  const loans = b.accounts.filter((a) => a.type === 'housing-fund-loan');
  const balance = loans.reduce((acc, a) => acc.plus(outstandingPrincipal(a)), dec('0'));
  return {
    ...b.build(),
    kpiInputs: [
      { ...period, input: 'recovery-plan', amount: PLAN, note: '年度贷款回收任务数' },
      {
        ...period,
        input: 'recovered-opening',
        amount: toTenThousand(dec(PLAN).mul(OPENING_SHARE)),
        note: '账套启用前本年已回收贷款（管理部台账）',
      },
      {
        ...period,
        input: 'deposit-balance',
        amount: toTenThousand(balance.div(LOAN_TO_DEPOSIT)),
        note: '住房公积金缴存余额',
      },
    ],
  };
}

/** Offices report these in 万元: rounded to ten thousand yuan. */
function toTenThousand(amount: ReturnType<typeof dec>): string {
  return amount.div(10000).round().mul(10000).toFixed(2);
}

/** Principal left after the installments the payments cover in full, oldest first. */
function outstandingPrincipal(account: DemoAccount) {
  let paid = account.payments.reduce((acc, p) => acc.plus(p.amount), dec('0'));
  let left = dec(account.principal);
  for (const row of account.schedule) {
    const due = dec(row.principal).plus(row.interest);
    if (paid.lt(due)) break;
    paid = paid.minus(due);
    left = left.minus(row.principal);
  }
  return left;
}
