import { addDays, daysBetween } from '@qingshou/calendar';
import { dec } from '@qingshou/ledger';
import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import {
  drawDpd,
  type LoanShape,
  monthlyLoan,
  type MonthlyTerms,
  PortfolioBuilder,
} from '../shape';

const REGIONS = ['130102', '130104', '130105'];
const TRADES = ['小超市', '餐馆', '农资店', '汽修铺', '服装店', '养殖场', '建材店', '快递代办点'];
/** 篇六 works day by day, so the overdue part leans to the first week. */
const BUCKETS = [
  [1, 3, 25],
  [4, 7, 20],
  [8, 30, 25],
  [31, 90, 18],
  [91, 240, 12],
] as const;

/** Of the loans current today, the share that was behind when the month began (篇六 直至还款). */
const CURED_SHARE = 0.03;

/**
 * A loan as monthlyLoan makes it; a few current ones instead were behind on the 1st and paid
 * everything due on a day of this month, so the month's 清收率 has recoveries to count.
 */
function withCure(rng: Prng, today: string, terms: MonthlyTerms): LoanShape {
  const cured = terms.dpd === 0 && rng.chance(CURED_SHARE);
  const monthStart = `${today.slice(0, 8)}01`;
  const elapsed = daysBetween(monthStart, today);
  const behind = elapsed + rng.int(1, 25);
  const payDraw = rng.next();
  if (!cured) return monthlyLoan(rng, today, terms);
  const shape = monthlyLoan(rng, today, { ...terms, dpd: behind });
  const paidOn = addDays(monthStart, Math.floor(payDraw * Math.max(1, elapsed)));
  const due = shape.schedule
    .filter((i) => i.dueDate <= today)
    .reduce((sum, i) => sum.plus(i.principal).plus(i.interest), dec('0'));
  const paid = shape.payments.reduce((sum, p) => sum.plus(p.amount), dec('0'));
  const amount = due.minus(paid);
  if (!amount.gt(0)) return shape;
  return { ...shape, payments: [...shape.payments, { paidOn, amount: amount.toFixed(2) }] };
}

/** 某某小额贷款: small-business loans of 10,000–50,000 over a year, each with a guarantor. */
export function microloanPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  let seq = 0;
  while (b.accounts.length < ctx.size) {
    const debtor = b.person({
      regions: REGIONS,
      born: [1965, 1998],
      address: `城关镇${rng.pick(['解放路', '建设街', '人民路', '新华街'])}${rng.int(1, 200)}号（${rng.pick(TRADES)}）`,
      relatedParties: [b.relative('guarantor', rng.pick(['配偶', '亲属', '朋友', '合作商户']))],
    });
    const loans = rng.chance(0.1) ? 2 : 1;
    for (let i = 0; i < loans; i++) {
      const principal = rng.amount(10_000, 50_000, 1000);
      const annualRate = rng.pick(['0.1500', '0.1380', '0.1620']);
      const method = rng.chance(0.7) ? 'equal-installment' : 'interest-only';
      seq += 1;
      b.account(
        debtor,
        {
          type: 'microloan',
          externalRef: `XD${String(seq).padStart(6, '0')}`,
          principal,
          annualRate,
          penaltyMarkup: '0.5',
        },
        withCure(rng, ctx.today, {
          principal,
          annualRate,
          termMonths: 12,
          method,
          // About a tenth of the balance overdue: the pack's 逾期率 ceiling (10%).
          dpd: drawDpd(rng, 0.9, BUCKETS),
        }),
      );
    }
  }
  return b.build();
}
