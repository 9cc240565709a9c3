import type { EntityManager } from '@mikro-orm/postgresql';
import { inBatches, pgList, valuesRows } from './sql-lists';

/**
 * Set-based writers of `cases` for the other libs (collection owns the table): the engine's
 * stage moves and retention's legal hold. Each bumps the case's `version` like any command,
 * so an interactive write that read the case before gets its 409 instead of overwriting it.
 */

export interface StageMove {
  readonly caseId: string;
  /** null: the case left the ladder. */
  readonly stage: string | null;
}

/**
 * Records where the engine staged each case, and the pack version that staged it (cases
 * remember it). One statement per 1 000 moves.
 */
export async function moveCaseStages(
  em: EntityManager,
  tenantId: string,
  moves: readonly StageMove[],
  by: { readonly packVersion: string; readonly now: Date },
): Promise<void> {
  for (const batch of inBatches(moves)) {
    await em.execute(
      `update cases c set stage = v.to_stage, pack_version = ?, updated_at = ?, version = c.version + 1
       from (values ${valuesRows(batch.length, 2, ['::uuid', '::text'])}) as v(id, to_stage)
       where c.tenant_id = ? and c.id = v.id`,
      [by.packVersion, by.now, ...batch.flatMap((m) => [m.caseId, m.stage]), tenantId],
    );
  }
}

/**
 * Places (reason given) or lifts (reason null) the explicit legal hold on these cases;
 * cases already in that state are left alone. Returns the ids changed.
 */
export async function setLegalHold(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
  hold: { readonly held: boolean; readonly reason: string | null; readonly now: Date },
): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await em.execute<{ id: string }[]>(
    `update cases set legal_hold = ?, legal_hold_reason = ?, version = version + 1, updated_at = ?
     where tenant_id = ? and id = any(?::uuid[])
       and (legal_hold, legal_hold_reason) is distinct from (?::boolean, ?::text)
     returning id`,
    [hold.held, hold.reason, hold.now, tenantId, pgList(caseIds), hold.held, hold.reason],
  );
  return rows.map((r) => r.id);
}

/**
 * 退案日期 per open case of an account, as the client's batch gives it (`source` yields
 * `account_id uuid, return_on date`): the import calls it after opening the batch's cases.
 * Only open account cases change, and only when the date differs. Returns how many did.
 */
export async function setClientReturnDates(
  em: EntityManager,
  tenantId: string,
  source: { readonly sql: string; readonly params: readonly unknown[] },
  now: Date,
): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `with src as (${source.sql})
     update cases c set client_return_on = s.return_on, version = c.version + 1, updated_at = ?
     from src s
     where c.tenant_id = ? and c.scope = 'account' and c.account_id = s.account_id
       and c.closed_on is null and s.return_on is not null
       and c.client_return_on is distinct from s.return_on
     returning c.id`,
    [...source.params, now, tenantId],
  );
  return rows.length;
}
