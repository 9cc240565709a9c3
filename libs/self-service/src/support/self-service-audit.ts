import { EntityManager } from '@mikro-orm/postgresql';
import { EventLog } from '@qingshou/db';

/** The actor every step of the debtor's page is recorded under: the audit names it 债务人本人（自助页面）. */
export const DEBTOR_ACTOR_PREFIX = 'debtor-self:';

export function debtorActorId(linkId: string): string {
  return `${DEBTOR_ACTOR_PREFIX}${linkId}`;
}

/** One audit record on the case's chain, in the caller's transaction. */
export async function auditOnCase(
  em: EntityManager,
  log: EventLog,
  ctx: { tenantId: string; actorId: string; correlationId: string; occurredAt: Date },
  type: string,
  caseId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await log.append(em, ctx, [
    { type, aggregateType: 'case', aggregateId: caseId, payload, before: null, after: payload },
  ]);
}
