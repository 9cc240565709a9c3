import type { TenantKind } from '@qingshou/tenancy';
import type { DemoPortfolio, PortfolioContext } from '../portfolio.types';
import type { Prng } from '../prng';
import { agencyPortfolio } from './agency.portfolio';
import { coopPortfolio } from './coop.portfolio';
import { housingFundPortfolio } from './housing-fund.portfolio';
import { leasingPortfolio } from './leasing.portfolio';
import { microloanPortfolio } from './microloan.portfolio';
import { studentLoanPortfolio } from './student-loan.portfolio';

export type PortfolioGenerator = (rng: Prng, ctx: PortfolioContext) => DemoPortfolio;

/** One generator per kind of office, and the book size `npm start` builds for it. */
export const PORTFOLIOS: Partial<
  Record<TenantKind, { generate: PortfolioGenerator; size: number }>
> = {
  leasing: { generate: leasingPortfolio, size: 360 },
  school: { generate: studentLoanPortfolio, size: 600 },
  'credit-coop': { generate: coopPortfolio, size: 700 },
  microloan: { generate: microloanPortfolio, size: 500 },
  agency: { generate: agencyPortfolio, size: 450 },
  'housing-fund': { generate: housingFundPortfolio, size: 480 },
};
