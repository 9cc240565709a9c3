import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { PauseSpan } from '@qingshou/collection';
import { groupBy, pgArray } from './sql';

/**
 * A dispute's paused days as effectiveDpd reads them: from the day it was raised, to the day
 * before its decision (endedOn) or through asOf while open. `accountId` null: the pack paused
 * the whole case.
 */
export interface DisputeSpan extends PauseSpan {
  readonly accountId: string | null;
}

/** The chunk's disputes (issue 16 §2), one statement, keyed by case id. */
export async function loadDisputeSpans(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
  asOf: LocalDate,
): Promise<Map<string, DisputeSpan[]>> {
  const rows = await em.execute<Record<string, string | null>[]>(
    `select case_id, account_id, pause, raised_on::text as raised_on, decided_on::text as decided_on
     from disputes where tenant_id = ? and case_id = any(?::uuid[]) and raised_on <= ?`,
    [tenantId, pgArray(caseIds), asOf],
  );
  const spans = new Map<string, DisputeSpan[]>();
  for (const [caseId, list] of groupBy(rows, (r) => String(r.case_id))) {
    spans.set(
      caseId,
      list.map((r) => ({
        accountId: r.pause === 'case' ? null : String(r.account_id),
        fromOn: String(r.raised_on),
        untilOn: asOf,
        // Decided after asOf (a rerun of an earlier night): still open on that night.
        endedOn: r.decided_on && r.decided_on <= asOf ? r.decided_on : null,
      })),
    );
  }
  return spans;
}
