import type { Page } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import type { LoanClass } from './search-cases.query';

/** A row of the case pool (案件查询): the summary plus what an office filters and reads by. */
export interface CasePoolItem extends CaseSummary {
  /** Contract / card numbers; card numbers masked (6222********1234). */
  readonly accountRefs: string[];
  /** Worst 五级分类 over the case's accounts; null before the first balance snapshot. */
  readonly loanClass: LoanClass | null;
  /**
   * 连续/累计逾期期数: the largest of the case's accounts, as of their snapshots; null before
   * the first one. Screens show it where the pack counts arrears in 期.
   */
  readonly overdueInstallments: { consecutive: number; cumulative: number } | null;
  /** Live pack flags on the debtor or its accounts, and `blacklist` (黑名单). */
  readonly flags: string[];
  readonly groups: { id: string; type: string; name: string }[];
  /** The earliest open task's due time (ISO instant), the case's next action. */
  readonly nextDueAt: string | null;
}

/** Above this many matches the pool's total is not counted further (shown as 10,000+). */
export const POOL_TOTAL_CAP = 10_000;

export interface CasePoolPage extends Page<CasePoolItem> {
  /**
   * All cases that match the filters (every page), as the viewer may see them — counted up
   * to POOL_TOTAL_CAP: a manager's unfiltered pool at a million accounts is not walked on
   * every page (issue 15 §1).
   */
  readonly total: number;
  /** True when more than `total` (= POOL_TOTAL_CAP) cases match. */
  readonly totalCapped?: boolean;
}

/**
 * A bank card number shows its first and last four digits (6222********1234), as on a
 * receipt; a contract number (letters, dashes) is not personal data and stays whole.
 */
export function maskAccountRef(ref: string): string {
  if (!/^\d{12,19}$/.test(ref)) return ref;
  return `${ref.slice(0, 4)}${'*'.repeat(ref.length - 8)}${ref.slice(-4)}`;
}
