import { addDays } from '@qingshou/ledger';
import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { PortfolioBuilder, singleDue } from '../shape';

const BRANCHES = [
  { code: 'sh-pd', name: '某某银行上海浦东分行', region: '310115' },
  { code: 'sh-xh', name: '某某银行上海徐汇支行', region: '310104' },
  { code: 'bj-cy', name: '某某银行北京朝阳支行', region: '110105' },
  { code: 'cd-wh', name: '某某银行成都武侯支行', region: '510107' },
  { code: 'gz-th', name: '某某银行广州天河支行', region: '440106' },
  { code: 'wh-jh', name: '某某银行武汉江汉支行', region: '420103' },
];
/** Banks hand over M2 and later; M6+ is the largest share of an agency's stock. */
const BUCKETS = [
  [31, 60, 15],
  [61, 90, 20],
  [91, 180, 30],
  [181, 400, 35],
] as const;

/**
 * 某某信用卡委外催收: card debts handed over by the bank, 5,000–80,000 each, by branch. Every
 * one is past due when it arrives; about one in seven has since been repaid in full.
 */
export function agencyPortfolio(rng: Prng, ctx: PortfolioContext): DemoPortfolio {
  const b = new PortfolioBuilder(rng, ctx.today);
  const branches = BRANCHES.map((x) => ({ ...x, group: b.group('branch', x.code, x.name) }));
  for (let seq = 0; seq < ctx.size; seq++) {
    const branch = rng.pick(branches);
    const debtor = b.person({
      regions: [branch.region],
      born: [1962, 1999],
      address: `${branch.name.slice(4, 6)}市${rng.pick(['科技园', '新村', '花园小区', '商业街'])}${rng.int(1, 99)}号`,
      groups: [branch.group],
      relatedParties: rng.chance(0.5)
        ? [b.relative('emergency-contact', rng.pick(['配偶', '父母', '同事']))]
        : [],
    });
    const principal = `${rng.int(5_000, 79_999)}.${rng.digits(2)}`;
    const [min, max] = rng.weighted(BUCKETS.map((x) => [x, x[2]] as const));
    const dpd = rng.int(min, max);
    const repaid = rng.chance(0.14);
    const paidAfter = rng.int(1, 30);
    const shape = singleDue(rng, ctx.today, principal, dpd, { leadMonths: 1 });
    const payments = repaid
      ? [
          {
            paidOn: addDays(shape.schedule[0].dueDate, Math.min(paidAfter, dpd - 1)),
            amount: principal,
          },
        ]
      : shape.payments;
    b.account(
      debtor,
      {
        type: 'card-account',
        externalRef: `6225${rng.digits(12)}`,
        principal,
        annualRate: '0',
        penaltyMarkup: '0',
      },
      { ...shape, payments },
    );
  }
  return b.build();
}
