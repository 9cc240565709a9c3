import { EntityManager } from '@mikro-orm/postgresql';
import { purgeCaseTasks } from '@qingshou/collection';
import { eraseContactPoints } from '@qingshou/ledger';

/**
 * The set-based steps of retention, each over one batch of case ids (`?::uuid[]`).
 *
 * What stays, whatever the policy says: the case row itself (status and dates, no personal
 * data — statistics and the event log refer to it), the ledger (payments are append-only
 * accounting records, amounts are kept for statistics) and the event log (append-only,
 * hash-chained: the audit trail is never purged).
 */
type Counts = Record<string, number>;

async function count(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    `with changed as (${sql} returning 1) select count(*)::text as n from changed`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A uuid[] bound as one parameter (knex would spread a JS array into a list). */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;

/** A case under legal hold: the explicit flag, an open legal matter, a legal-hold pause. */
const HELD = `(c.legal_hold
  or exists (select 1 from legal_matters m where m.tenant_id = c.tenant_id
             and m.case_id = c.id and m.status = 'open')
  or exists (select 1 from pauses p where p.tenant_id = c.tenant_id and p.case_id = c.id
             and p.reason = 'legal-hold' and p.ended_on is null))`;

const EXPIRED = `c.tenant_id = ? and c.closed_on is not null and c.closed_on <= ?::date
  and not exists (select 1 from retention_applications r
                  where r.tenant_id = c.tenant_id and r.case_id = c.id and r.policy_id = ?)`;

/** The next batch: closed on or before the cut-off, not yet done for this policy, not held. */
export async function expiredCases(
  em: EntityManager,
  tenantId: string,
  policyId: string,
  cutoff: string,
  honourHold: boolean,
  limit: number,
): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select c.id from cases c where ${EXPIRED} ${honourHold ? `and not ${HELD}` : ''}
     order by c.closed_on, c.id limit ${Math.trunc(limit)}
     for update of c skip locked`,
    [tenantId, cutoff, policyId],
  );
  return rows.map((r) => r.id);
}

/** Expired cases a legal hold keeps back (reported, never touched). */
export async function heldCases(
  em: EntityManager,
  tenantId: string,
  policyId: string,
  cutoff: string,
): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    `select count(*)::text as n from cases c where ${EXPIRED} and ${HELD}`,
    [tenantId, cutoff, policyId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Contacts, their recordings and documents, notices and case records of the batch. */
export async function clearCaseData(
  em: EntityManager,
  tenantId: string,
  caseIds: string[],
  data: readonly string[],
  purge: boolean,
): Promise<{ counts: Counts; storageKeys: string[] }> {
  const p = [tenantId, uuidArray(caseIds)];
  const counts: Counts = {};
  const has = (kind: string) => data.includes(kind);
  let storageKeys: string[] = [];
  const files = has('recordings') || has('documents');
  if (files) {
    const rows = await em.execute<{ storage_key: string }[]>(
      `select a.storage_key from attachments a join contact_attempts x
         on x.tenant_id = a.tenant_id and x.attachment_id = a.id
       where x.tenant_id = ? and x.case_id = any(?::uuid[])`,
      p,
    );
    storageKeys = rows.map((r) => r.storage_key);
  }
  const attachmentIds = `(select x.attachment_id from contact_attempts x
    where x.tenant_id = ? and x.case_id = any(?::uuid[]) and x.attachment_id is not null)`;
  if (files) {
    // Attachments first: the contact rows still say which they are (the key is deferred).
    counts.attachments = await count(
      em,
      `delete from attachments where tenant_id = ? and id in ${attachmentIds}`,
      [tenantId, ...p],
    );
    await em.execute(
      `update contact_attempts set attachment_id = null
       where tenant_id = ? and case_id = any(?::uuid[]) and attachment_id is not null`,
      p,
    );
  }
  if (has('contacts')) {
    counts.contacts = await count(
      em,
      purge
        ? `delete from contact_attempts where tenant_id = ? and case_id = any(?::uuid[])`
        : `update contact_attempts set notes = null where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
  }
  if (has('notices')) {
    // Delivery history is append-only and points at the notice, so the letter is emptied,
    // not deleted: its dates and status stay for the deadline statistics.
    counts.notices = await count(
      em,
      `update notices set rendered_html = '', data = '{}'::jsonb
       where tenant_id = ? and case_id = any(?::uuid[]) and (rendered_html <> '' or data <> '{}'::jsonb)`,
      p,
    );
  }
  if (has('cases')) {
    if (purge) {
      // Collection owns `tasks`: its writer deletes them.
      counts.tasks = await purgeCaseTasks(em, tenantId, caseIds);
      counts.promises = await count(
        em,
        `delete from promises where tenant_id = ? and case_id = any(?::uuid[])`,
        p,
      );
    }
    // Free text that may name people: handover notes, approval payloads, cost vouchers.
    await em.execute(
      `update case_assignments set handover_note = null where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
    await em.execute(
      `update approvals set payload = '{}'::jsonb, reason = null, decision_note = null
       where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
    await em.execute(
      `update case_costs set notes = null, voucher_ref = null where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
    await em.execute(
      `update pauses set notes = null where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
    await em.execute(
      `update disputes set note = null, decision_note = null, adjustment_hint = null
       where tenant_id = ? and case_id = any(?::uuid[])`,
      p,
    );
  }
  return { counts, storageKeys };
}

/**
 * Debtors of the batch whose every case has now been through retention: names, ID
 * numbers, phones and addresses blanked, also of their guarantors and contacts. The ID
 * number becomes a pseudonym that starts with a letter (never a PRC ID number) and stays
 * unique per tenant; amounts, accounts and payments stay for statistics.
 */
export async function anonymiseDebtors(
  em: EntityManager,
  tenantId: string,
  caseIds: string[],
  policyId: string,
  asOf: string,
): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `select distinct c.debtor_id as id from cases c
     where c.tenant_id = ? and c.id = any(?::uuid[])
       and not exists (select 1 from anonymised_debtors a
                       where a.tenant_id = c.tenant_id and a.debtor_id = c.debtor_id)
       and not exists (select 1 from cases o where o.tenant_id = c.tenant_id
                         and o.debtor_id = c.debtor_id
                         and not exists (select 1 from retention_applications r
                                         where r.tenant_id = o.tenant_id and r.case_id = o.id))`,
    [tenantId, uuidArray(caseIds)],
  );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await em.execute(
    `update debtors set name = '已匿名', phones = '{}', address = null,
       id_number = 'A' || upper(substr(md5(id::text), 1, 17))
     where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, uuidArray(ids)],
  );
  await em.execute(
    `update related_parties set name = '已匿名', id_number = null, phone = null, address = null
     where tenant_id = ? and debtor_id = any(?::uuid[])`,
    [tenantId, uuidArray(ids)],
  );
  // The contact panel's phones and addresses go too (the ledger's writer: it owns the table).
  await eraseContactPoints(em, tenantId, ids);
  await em.execute(
    `insert into anonymised_debtors (tenant_id, debtor_id, policy_id, anonymised_on)
     select ?, unnest(?::uuid[]), ?, ?::date`,
    [tenantId, uuidArray(ids), policyId, asOf],
  );
  return ids.length;
}
