import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { addDays } from '@qingshou/calendar';
import { bulletLoan, drawDpd, PortfolioBuilder } from '../shape';

const VILLAGES =
  '前营村 北岭村 东庄村 南坡村 西河村 后沟村 王家营村 石门村 大湾村 柳树屯村 杏花村 上马村'.split(
    ' ',
  );
const REGIONS = ['150221', '150222'];

/**
 * The demo drive: launched 100 days ago, so it is in 全面清收 (day 57 of 131) with the survey
 * behind it; the amnesty ended on its 9th day as in 2012 (7月23日 → 8月1日). The plan is the
 * drive's goal (清收计划数), split among the villages by their NPL balance at seeding.
 */
export const COOP_DRIVE = { daysAgo: 100, amnestyDay: 52, plan: '1000000.00' } as const;

/**
 * Each village's share of current loans (issue 13 §5: villages on both sides of 信用村's 10%):
 * the first few hold their NPL ratio near 4–8%, the last near 30%.
 */
const CURRENT_SHARE = [0.96, 0.95, 0.94, 0.93, 0.92, 0.9, 0.87, 0.83, 0.78, 0.72, 0.66, 0.6];

/**
 * 北旗农村信用合作联社: farm loans per village, 利随本清 over one to three years, 8,000–100,000.
 * About a third are non-performing (matured months or years ago, some part-repaid); debtors
 * carry the pack's attributes: officials (村干部, 乡干部, 乡直职工) and beneficiaries of
 * preferential policies (低保户…), which the sanction rules list.
 */
export function coopPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const villages = VILLAGES.map((name, i) =>
    b.group('village', `V${String(i + 1).padStart(2, '0')}`, name),
  );
  const buckets = [
    [1, 90, 10],
    [91, 365, 25],
    [366, 1095, 35],
    [1096, 3650, 30],
  ] as const;
  const launch = addDays(ctx.today, -COOP_DRIVE.daysAgo);
  for (let seq = 0; seq < ctx.size; seq++) {
    const v = rng.int(0, villages.length - 1);
    const village = villages[v];
    const official = rng.weighted([
      ['none', 91],
      ['village-cadre', 5],
      ['township-cadre', 1.5],
      ['staff', 2.5],
    ] as const);
    const policy = rng.weighted([
      ['', 92],
      ['低保户', 5],
      ['五保户', 1],
      ['危房改造补助', 2],
    ] as const);
    const attributes: Record<string, string> = {};
    if (official !== 'none') attributes.official = official;
    if (policy) attributes['preferential-policy'] = policy;
    const debtor = b.person({
      regions: REGIONS,
      born: [1955, 1992],
      address: `北旗乡${village.name}${rng.int(1, 8)}组`,
      groups: [village],
      attributes,
      relatedParties: [b.relative('guarantor', rng.pick(['同村村民', '亲属', '联保小组成员']))],
    });
    const principal = rng.amount(8_000, 100_000, 1000);
    const annualRate = rng.pick(['0.0972', '0.0864', '0.0756']);
    const dpd = drawDpd(rng, CURRENT_SHARE[v], buckets);
    const loan = bulletLoan(rng, ctx.today, {
      principal,
      annualRate,
      termMonths: rng.pick([12, 24, 36]),
      dpd,
    });
    // 全面清收: a third of the bad loans have paid something since the drive began.
    if (dpd > 90 && rng.chance(0.35)) {
      loan.payments.push({
        paidOn: addDays(launch, rng.int(1, COOP_DRIVE.daysAgo - 1)),
        amount: rng.amount(
          Math.round(Number(principal) * 0.1),
          Math.round(Number(principal) * 0.4),
        ),
      });
      loan.payments.sort((x, y) => (x.paidOn < y.paidOn ? -1 : x.paidOn > y.paidOn ? 1 : 0));
    }
    b.account(
      debtor,
      {
        type: 'loan',
        externalRef: `NX${String(seq).padStart(7, '0')}`,
        principal,
        annualRate,
        penaltyMarkup: '0.5',
      },
      loan,
    );
  }
  return b.build();
}
