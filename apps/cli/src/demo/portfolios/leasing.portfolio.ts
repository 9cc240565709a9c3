import { addDays, daysBetween } from '@qingshou/calendar';
import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { drawDpd, monthlyLoan, PortfolioBuilder, singleDue } from '../shape';

const REGIONS = [
  { code: 'north', name: '华北大区', prefix: '冀', region: '130100', city: '石家庄市' },
  { code: 'east', name: '华东大区', prefix: '鲁', region: '370100', city: '济南市' },
  { code: 'central', name: '华中大区', prefix: '豫', region: '410100', city: '郑州市' },
  { code: 'northeast', name: '东北大区', prefix: '辽', region: '210100', city: '沈阳市' },
  { code: 'northwest', name: '西北大区', prefix: '陕', region: '610100', city: '西安市' },
] as const;
const BRANDS = '金马 润农 丰收 沃野 雷沃 东方红 常发 禾丰 田园 沃得 顺达 兴农 农丰 华垦'.split(' ');

/** Receivable kinds of a farm-machinery lessor's dealer book (篇一): amounts in yuan. */
const KINDS = [
  { kind: '主机货款', min: 200_000, max: 900_000, weight: 35 },
  { kind: '保兑仓垫款', min: 100_000, max: 900_000, weight: 25 },
  { kind: '代垫运输费', min: 50_000, max: 150_000, weight: 15 },
  { kind: '配件款', min: 50_000, max: 200_000, weight: 15 },
] as const;

/** Of a behind dealer's receivables paid up, the share still owed when the quarter opened. */
const CLEARED_SHARE = 0.95;

/** The first day of the quarter holding `today`. */
function quarterStart(today: string): string {
  const month = Number(today.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** Fell due `dpd` days before the quarter opened; paid in full on a day of the quarter so far. */
function clearedInQuarter(rng: Prng, today: string, principal: string, dpd: number, at: number) {
  const opening = quarterStart(today);
  const shape = singleDue(rng, addDays(opening, -1), principal, dpd, { leadMonths: 3 });
  const days = Math.max(0, daysBetween(opening, today) - 1);
  const paidOn = addDays(opening, Math.floor(at * (days + 1)));
  return { ...shape, payments: [{ paidOn, amount: principal }] };
}

/**
 * 冀丰农机融资租赁: dealers by sales region, each with a few receivables (goods, bonded
 * warehouse advances, freight, parts) and some with a finance lease; the dealer's credit grade
 * decides how likely it is to be behind.
 */
export function leasingPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const regions = REGIONS.map((r) => ({ ...r, group: b.group('region', r.code, r.name) }));
  const names = new Set<string>();
  let seq = 0;
  while (b.accounts.length < ctx.size) {
    const region = rng.pick(regions);
    let name = `${region.prefix}${rng.pick(BRANDS)}农机经销有限公司`;
    if (names.has(name)) name = name.replace('农机经销', `${rng.pick(BRANDS)}农机销售`);
    if (names.has(name)) name = name.replace('有限公司', `第${names.size}分公司`);
    names.add(name);
    const dealer = b.organisation({
      name,
      region: region.region,
      address: `${region.city}农机大市场${rng.int(1, 300)}号`,
      groups: [region.group],
    });
    const grade = rng.weighted([
      ['A', 40],
      ['B', 40],
      ['C', 20],
    ] as const);
    const currentShare = grade === 'A' ? 0.92 : grade === 'B' ? 0.78 : 0.45;
    const receivables = rng.int(2, 5);
    const dpds = Array.from({ length: receivables }, () => drawDpd(rng, currentShare));
    // A dealer still behind keeps its case (and salesperson), which holds what it cleared too.
    const behind = dpds.some((d) => d > 0);
    for (let i = 0; i < receivables; i++) {
      const kind = rng.weighted(KINDS.map((k) => [k, k.weight] as const));
      const principal = rng.amount(kind.min, kind.max, 100);
      const dpd = dpds[i];
      // 篇五 清欠: some paid now were still owed when the quarter opened (清欠 vs the opening).
      const cleared = behind && dpd === 0 && rng.chance(CLEARED_SHARE);
      const clearedDpd = rng.int(10, 120);
      const clearedOn = rng.next();
      seq += 1;
      const shape = cleared
        ? clearedInQuarter(rng, ctx.today, principal, clearedDpd, clearedOn)
        : singleDue(rng, ctx.today, principal, dpd, { leadMonths: 3, aheadDays: [1, 90] });
      b.account(
        dealer,
        {
          type: 'receivable',
          externalRef: `ZL-YS-${String(seq).padStart(5, '0')}`,
          principal,
          annualRate: '0',
          penaltyMarkup: '0',
        },
        {
          ...shape,
          scheduleParams: { method: 'given', kind: kind.kind, creditGrade: grade },
        },
      );
    }
    if (rng.chance(0.3)) {
      const principal = rng.amount(300_000, 900_000, 1000);
      const dpd = drawDpd(rng, currentShare);
      seq += 1;
      b.account(
        dealer,
        {
          type: 'lease-contract',
          externalRef: `ZL-HT-${String(seq).padStart(5, '0')}`,
          principal,
          annualRate: '0.0685',
          penaltyMarkup: '0.5',
        },
        monthlyLoan(rng, ctx.today, {
          principal,
          annualRate: '0.0685',
          termMonths: rng.pick([24, 36]),
          method: 'equal-installment',
          dpd,
        }),
      );
    }
  }
  return b.build();
}
