import type { EarlierTerms, LoanAccount } from '../domain/balance/account.types';
import { addDays, compareDates } from '../domain/local-date';
import { dec } from '../domain/money';
import type { DayCountBasis } from '../domain/rate';
import type { AccountTermName, PackTerms, TenantTerms, TermsPeriod } from './pack-terms';

/** The terms as an account row stores them (AccountRow's fields). */
export interface StoredTerms {
  readonly penaltyMarkup: string;
  readonly compoundEnabled: boolean;
  readonly dayCountBasis: DayCountBasis;
  /** Terms the account set itself; absent: none. */
  readonly ownTerms?: readonly AccountTermName[];
}

export type LoanTerms = Pick<
  LoanAccount,
  'penaltyMarkup' | 'compoundInterest' | 'dayCountBasis' | 'allocationOrder' | 'earlierTerms'
>;

type Resolved = Omit<EarlierTerms, 'through'> & { from: string };

/** Whether the pack's value governs this account for this term in this period. */
function binds(period: PackTerms, own: readonly AccountTermName[], term: AccountTermName): boolean {
  if (period[term] === undefined) return false;
  return !(own.includes(term) && period.accountMayOverride.includes(term));
}

/**
 * The terms an account's balance is computed on (DESIGN §4 and docs/policy-packs.md "Terms
 * from the pack"): in each period of the tenant's pack history, a term the pack states binds
 * unless the account set its own and the pack lets it; a term the pack does not state is the
 * account's. Periods with equal terms merge, so a tenant that never changed its terms gives
 * a loan without `earlierTerms` and the calculator does no extra work.
 */
export function loanTermsOf(stored: StoredTerms, tenant: TenantTerms): LoanTerms {
  const own = stored.ownTerms ?? [];
  const plain: LoanTerms = {
    penaltyMarkup: stored.penaltyMarkup,
    compoundInterest: stored.compoundEnabled,
    dayCountBasis: stored.dayCountBasis,
  };
  if (tenant.periods.length === 0) return plain;
  const resolved: Resolved[] = lastPerDay(tenant.periods).map((p) => ({
    from: p.from,
    penaltyMarkup: binds(p, own, 'penaltyMarkup') ? String(p.penaltyMarkup) : stored.penaltyMarkup,
    compoundInterest: binds(p, own, 'compoundInterest')
      ? Boolean(p.compoundInterest)
      : stored.compoundEnabled,
    dayCountBasis: binds(p, own, 'dayCountBasis')
      ? (p.dayCountBasis as DayCountBasis)
      : stored.dayCountBasis,
    ...(p.allocationOrder ? { allocationOrder: p.allocationOrder } : {}),
  }));
  const merged = resolved.filter((r, i) => i === 0 || !sameTerms(resolved[i - 1], r));
  const { from: _from, ...current } = merged[merged.length - 1];
  const earlierTerms: EarlierTerms[] = merged.slice(0, -1).map(({ from: _f, ...terms }, i) => ({
    through: addDays(merged[i + 1].from, -1),
    ...terms,
  }));
  return earlierTerms.length > 0 ? { ...current, earlierTerms } : current;
}

/** Two installations on one business date: the later one governs that date. */
function lastPerDay(periods: readonly TermsPeriod[]): TermsPeriod[] {
  return periods.filter(
    (p, i) => i === periods.length - 1 || compareDates(periods[i + 1].from, p.from) > 0,
  );
}

function sameTerms(a: Resolved, b: Resolved): boolean {
  return (
    dec(String(a.penaltyMarkup)).equals(dec(String(b.penaltyMarkup))) &&
    a.compoundInterest === b.compoundInterest &&
    (a.dayCountBasis ?? 360) === (b.dayCountBasis ?? 360) &&
    (a.allocationOrder ?? []).join() === (b.allocationOrder ?? []).join()
  );
}
