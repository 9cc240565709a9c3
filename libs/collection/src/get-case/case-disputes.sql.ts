import type { EntityManager } from '@mikro-orm/postgresql';
import type { PauseSpan } from '../domain/effective-dpd';
import type { CaseDispute } from '../domain/read-models';

/** The case's disputes, newest first, with the attachment names the page lists. */
export async function caseDisputes(
  em: EntityManager,
  tenantId: string,
  caseId: string,
): Promise<CaseDispute[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select d.id, d.account_id, a.external_ref, d.kind, d.raised_by_party, d.pause,
            d.decided_by_role, d.note, d.raised_on::text as raised_on, d.due_on::text as due_on,
            d.status, d.decided_on::text as decided_on, d.decision_note, d.adjustment_hint,
            d.raised_by, d.decided_by,
            coalesce((select json_agg(json_build_object('id', f.id, 'name', f.original_name)
                        order by f.uploaded_at)
                      from attachments f
                      where f.tenant_id = d.tenant_id and f.id = any(d.attachment_ids)), '[]') as documents
     from disputes d
     join accounts a on a.tenant_id = d.tenant_id and a.id = d.account_id
     where d.tenant_id = ? and d.case_id = ? order by d.raised_on desc, d.created_at desc`,
    [tenantId, caseId],
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    id: String(r.id),
    accountId: String(r.account_id),
    accountRef: String(r.external_ref),
    kind: String(r.kind),
    raisedBy: String(r.raised_by_party),
    pause: String(r.pause),
    decidedByRole: String(r.decided_by_role),
    note: text(r.note),
    raisedOn: String(r.raised_on),
    dueOn: text(r.due_on),
    status: String(r.status),
    decidedOn: text(r.decided_on),
    decisionNote: text(r.decision_note),
    adjustmentHint: text(r.adjustment_hint),
    raisedByActor: String(r.raised_by),
    decidedByActor: text(r.decided_by),
    documents: r.documents as { id: string; name: string }[],
  }));
}

/** A dispute's paused days for effectiveDpd, as the engine counts them (dispute-spans). */
export function disputeSpan(d: CaseDispute, asOf: string): PauseSpan {
  return {
    fromOn: d.raisedOn,
    untilOn: asOf,
    endedOn: d.decidedOn && d.decidedOn <= asOf ? d.decidedOn : null,
  };
}
