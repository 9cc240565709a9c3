import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { bulletLoan, drawDpd, PortfolioBuilder } from '../shape';

const VILLAGES =
  '前营村 北岭村 东庄村 南坡村 西河村 后沟村 王家营村 石门村 大湾村 柳树屯村 杏花村 上马村'.split(
    ' ',
  );
const REGIONS = ['150221', '150222'];

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
  for (let seq = 0; seq < ctx.size; seq++) {
    const village = rng.pick(villages);
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
    const dpd = drawDpd(rng, 0.55, buckets);
    b.account(
      debtor,
      {
        type: 'loan',
        externalRef: `NX${String(seq).padStart(7, '0')}`,
        principal,
        annualRate,
        penaltyMarkup: '0.5',
      },
      bulletLoan(rng, ctx.today, {
        principal,
        annualRate,
        termMonths: rng.pick([12, 24, 36]),
        dpd,
      }),
    );
  }
  return b.build();
}
