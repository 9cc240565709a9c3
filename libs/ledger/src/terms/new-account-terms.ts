import Decimal from 'decimal.js';
import { dec } from '../domain/money';
import type { DayCountBasis } from '../domain/rate';
import type { AccountTermName, PackTerms, TenantTerms } from './pack-terms';

/** What a registration or an import row says about the terms; absent: nothing. */
export interface StatedTerms {
  readonly penaltyMarkup?: Decimal;
  readonly compoundInterest?: boolean;
  readonly dayCountBasis?: DayCountBasis;
}

export interface NewAccountTerms {
  /** The values to store: the pack's where it binds, else the given ones, else the defaults. */
  readonly penaltyMarkup: string;
  readonly compoundInterest: boolean;
  readonly dayCountBasis: DayCountBasis;
  readonly ownTerms: AccountTermName[];
  /** Terms given against a pack that binds them, with why (English and Chinese). */
  readonly refused: { term: AccountTermName; reason: string; reasonZh: string }[];
}

/**
 * Where neither the pack nor the account says anything: no markup (as imports always
 * defaulted), no compound interest (as registration always defaulted), basis 360 (DESIGN §4).
 */
export const DOMAIN_DEFAULT_TERMS = {
  penaltyMarkup: '0',
  compoundInterest: false,
  dayCountBasis: 360 as DayCountBasis,
};

/** The active installation's terms: the last period. */
export function activeTerms(tenant: TenantTerms): PackTerms | undefined {
  return tenant.periods[tenant.periods.length - 1];
}

/**
 * The terms a new account is stored with. A term the active pack states binds: a given value
 * equal to the pack's is not an override and is accepted; a different one is the account's
 * own only if the pack lists the term in `interest.accountMayOverride`, and is refused
 * otherwise. A term the pack does not state is the account's own when given.
 */
export function newAccountTerms(pack: PackTerms | undefined, given: StatedTerms): NewAccountTerms {
  const ownTerms: AccountTermName[] = [];
  const refused: NewAccountTerms['refused'] = [];
  const decide = <T>(
    term: AccountTermName,
    packValue: T | undefined,
    fallback: T,
    value: T | undefined,
    same: (a: T, b: T) => boolean,
    show: (v: T) => string,
  ): T => {
    if (packValue === undefined) {
      if (value !== undefined) ownTerms.push(term);
      return value ?? fallback;
    }
    if (value === undefined || same(value, packValue)) return packValue;
    if (pack?.accountMayOverride.includes(term)) {
      ownTerms.push(term);
      return value;
    }
    refused.push({
      term,
      reason:
        `the pack ${pack?.pack} sets ${show(packValue)} and does not let an account set its own ` +
        `(interest.accountMayOverride); leave it out or give ${show(packValue)}`,
      reasonZh: `方案 ${pack?.pack} 规定为 ${show(packValue)}，不允许单户另行约定`,
    });
    return packValue;
  };
  const markup = decide<Decimal>(
    'penaltyMarkup',
    pack?.penaltyMarkup === undefined ? undefined : dec(pack.penaltyMarkup),
    dec(DOMAIN_DEFAULT_TERMS.penaltyMarkup),
    given.penaltyMarkup,
    (a, b) => a.equals(b),
    (v) => `${v.mul(100).toString()}%`,
  );
  const compoundInterest = decide<boolean>(
    'compoundInterest',
    pack?.compoundInterest,
    DOMAIN_DEFAULT_TERMS.compoundInterest,
    given.compoundInterest,
    (a, b) => a === b,
    (v) => (v ? 'compound interest on' : 'compound interest off'),
  );
  const dayCountBasis = decide<DayCountBasis>(
    'dayCountBasis',
    pack?.dayCountBasis,
    DOMAIN_DEFAULT_TERMS.dayCountBasis,
    given.dayCountBasis,
    (a, b) => a === b,
    (v) => `a ${v}-day basis`,
  );
  return {
    penaltyMarkup: markup.toFixed(6),
    compoundInterest,
    dayCountBasis,
    ownTerms,
    refused,
  };
}
