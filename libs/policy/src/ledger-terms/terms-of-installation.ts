import type {
  AccountTermName,
  DpdBand,
  DueComponent,
  LoanClass,
  PackTerms,
  TenantTerms,
  TermsPeriod,
} from '@qingshou/ledger';
import { localDateOf } from '@qingshou/calendar';

/** The parts of one pack_installations row the ledger's terms come from. */
export interface InstallationTermsRow {
  readonly pack_id: string;
  readonly version: string;
  readonly installed_at: Date | string;
  readonly interest: Record<string, unknown> | null;
  readonly day_count_basis: number | string | null;
  readonly classification: Record<string, unknown> | null;
}

/**
 * What one pinned snapshot states. Snapshots pinned before packs governed the ledger had
 * every interest field filled with a default whether the pack said it or not; they carry no
 * `accountMayOverride` and are read as stating nothing, so they keep the behaviour they
 * were installed under (an upgrade or reinstall pins one that governs).
 */
export function packTermsOf(row: InstallationTermsRow): PackTerms {
  const pack = `${row.pack_id}@${row.version}`;
  const interest = row.interest ?? {};
  if (!Array.isArray(interest.accountMayOverride)) return { pack, accountMayOverride: [] };
  const basis = row.day_count_basis === null ? undefined : Number(row.day_count_basis);
  return {
    pack,
    ...(interest.penaltyMarkup !== undefined && interest.penaltyMarkup !== null
      ? { penaltyMarkup: String(interest.penaltyMarkup) }
      : {}),
    ...(typeof interest.compoundInterest === 'boolean'
      ? { compoundInterest: interest.compoundInterest }
      : {}),
    ...(basis === 360 || basis === 365 ? { dayCountBasis: basis } : {}),
    ...(Array.isArray(interest.allocationOrder)
      ? { allocationOrder: interest.allocationOrder as DueComponent[] }
      : {}),
    accountMayOverride: interest.accountMayOverride as AccountTermName[],
  };
}

/**
 * The tenant's terms history from its installations (oldest first): each takes effect on
 * the business date it was installed, in the tenant's zone. Aging buckets and loan-class
 * bands are the active (last) installation's, where it states them.
 */
export function tenantTermsOf(
  rows: readonly InstallationTermsRow[],
  timeZone: string,
): TenantTerms {
  const periods: TermsPeriod[] = rows.map((row) => ({
    ...packTermsOf(row),
    from: localDateOf(new Date(row.installed_at), timeZone),
  }));
  const active = rows[rows.length - 1]?.classification ?? {};
  const bands = (key: string) =>
    Array.isArray(active[key])
      ? (active[key] as { label: string; minDpd: number }[]).map((b) => ({
          label: b.label,
          minDpd: Number(b.minDpd),
        }))
      : undefined;
  const agingBuckets = bands('agingBuckets');
  const loanClassBands = bands('loanClassBands') as DpdBand<LoanClass>[] | undefined;
  return {
    periods,
    ...(agingBuckets ? { agingBuckets } : {}),
    ...(loanClassBands ? { loanClassBands } : {}),
  };
}
