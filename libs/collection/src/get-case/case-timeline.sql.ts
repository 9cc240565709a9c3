import { EntityManager } from '@mikro-orm/postgresql';
import type { TimelineEntry } from '../domain/read-models';
import { isoInstant } from '../support/sql-values';

/**
 * Events whose details the timeline already shows from their own rows; listing both would
 * say everything twice. Their audit records stay in the event log.
 */
const SHOWN_AS_ROWS = [
  'ContactLogged',
  'PromiseRecorded',
  'ApprovalRequested',
  'CaseCostAdded',
  // The assigned collector's every look at the contact panel is audited (issue 11 §2); those
  // records are for the audit log, not steps of the case.
  'PersonalDataViewed',
];

/**
 * The case's whole history, oldest first: its audit events (and its debtor's, e.g. the
 * blacklist), contacts, promises, approvals and costs, merged by time in one statement.
 * Amounts are cast to text so no yuan passes through a JSON number.
 */
export async function caseTimeline(
  em: EntityManager,
  tenantId: string,
  caseId: string,
  debtorId: string,
): Promise<TimelineEntry[]> {
  const rows = await em.execute<
    {
      kind: string;
      id: string;
      at: string;
      type: string;
      actor_id: string;
      data: Record<string, unknown>;
    }[]
  >(
    `select * from (
       select 'event' as kind, e.id::text as id, e.occurred_at as at, e.type, e.actor_id,
              jsonb_build_object('payload', e.payload, 'before', e.before, 'after', e.after) as data
       from event_log e
       where e.tenant_id = ?
         and ((e.aggregate_type = 'case' and e.aggregate_id = ?)
              or (e.aggregate_type = 'debtor' and e.aggregate_id = ?))
         and e.type not in (select jsonb_array_elements_text(?::jsonb))
       union all
       select 'contact', ct.id::text, ct.attempted_at, ct.channel, ct.recorded_by,
              jsonb_build_object('party', ct.party, 'relatedPartyId', ct.related_party_id,
                'outcomeCode', ct.outcome_code, 'notes', ct.notes,
                'overdueReasonCode', ct.overdue_reason_code, 'followUpOn', ct.follow_up_on,
                'promiseId', ct.promise_id,
                'attachment', case when a.id is null then null else jsonb_build_object(
                  'id', a.id, 'sha256', a.sha256, 'sizeBytes', a.size_bytes::text,
                  'contentType', a.content_type, 'originalName', a.original_name) end)
       from contact_attempts ct
       left join attachments a on a.tenant_id = ct.tenant_id and a.id = ct.attachment_id
       where ct.tenant_id = ? and ct.case_id = ?
       union all
       select 'promise', p.id::text, p.recorded_at, p.status, p.recorded_by,
              jsonb_build_object('amount', p.amount::text, 'promisedOn', p.promised_on, 'dueOn', p.due_on,
                'accountId', p.account_id, 'paidAmount', p.paid_amount::text,
                'evaluatedAsOf', p.evaluated_as_of, 'notes', p.notes)
       from promises p where p.tenant_id = ? and p.case_id = ?
       union all
       select 'approval', ap.id::text, ap.requested_at, ap.kind, ap.requested_by,
              jsonb_build_object('status', ap.status, 'approverRole', ap.approver_role, 'payload', ap.payload,
                'reason', ap.reason, 'decidedBy', ap.decided_by, 'decidedAt', ap.decided_at,
                'decisionNote', ap.decision_note)
       from approvals ap where ap.tenant_id = ? and ap.case_id = ?
       union all
       select 'cost', cc.id::text, cc.recorded_at, cc.category, cc.recorded_by,
              jsonb_build_object('amount', cc.amount::text, 'voucherRef', cc.voucher_ref,
                'incurredOn', cc.incurred_on, 'approved', cc.approved, 'legalMatterId', cc.legal_matter_id)
       from case_costs cc where cc.tenant_id = ? and cc.case_id = ?
     ) timeline
     order by at, kind, id`,
    [
      tenantId,
      caseId,
      debtorId,
      JSON.stringify(SHOWN_AS_ROWS),
      ...[tenantId, caseId],
      ...[tenantId, caseId],
      ...[tenantId, caseId],
      ...[tenantId, caseId],
    ],
  );
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    at: isoInstant(row.at) as string,
    type: row.type,
    actorId: row.actor_id,
    data: row.data,
  }));
}
