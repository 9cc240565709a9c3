import { EntityManager } from '@mikro-orm/postgresql';
import type { PublishedEvent } from '@qingshou/db';
import type { EventName } from '@qingshou/policy';

/** What a pack rule's `on` reacts to, and which cases it is about. */
export type Trigger =
  | { readonly event: EventName; readonly kind: 'cases'; readonly caseIds: readonly string[] }
  /** Work of no case: a client's batch received. */
  | { readonly event: EventName; readonly kind: 'tenant' }
  /** Every case an import opened, found by cases.import_id: one statement, not one event each. */
  | { readonly event: EventName; readonly kind: 'import'; readonly importId: string };

type Payload = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : null);
const cases = (event: EventName, ...ids: (string | null)[]): Trigger[] => {
  const caseIds = ids.filter((id): id is string => !!id);
  return caseIds.length > 0 ? [{ event, kind: 'cases', caseIds }] : [];
};

/** Platform events whose case is their aggregate, and the pack event each one is. */
const CASE_EVENTS: Readonly<Record<string, EventName>> = {
  CaseOpened: 'caseOpened',
  ContactLogged: 'contactLogged',
  PromiseRecorded: 'promiseRecorded',
  PromiseKept: 'promiseKept',
  PromiseBroken: 'promiseBroken',
  PlanAgreed: 'planAgreed',
  PlanKept: 'planKept',
  PlanBroken: 'planBroken',
  StageEntered: 'stageEntered',
};

const DELIVERY_EVENTS: Readonly<Record<string, EventName>> = {
  sent: 'noticeSent',
  signed: 'noticeSigned',
  refused: 'noticeRefused',
  undeliverable: 'noticeUndeliverable',
};

/**
 * The pack events (registry/events.ts) a committed platform event stands for. Most name
 * their case; a receipt names its account (→ its live cases); an import names its batch.
 * - CaseAssigned: caseAssigned, or visitHandedOff when the new assignee is a field collector
 *   (移交外访, 篇八); a change of collector is also caseReassigned (交接).
 * - TaskCompleted of a visit task done: visitCompleted.
 * - ApprovalDecided: approvalGranted / approvalRejected; a granted legal referral is also
 *   legalReferred.
 * - ImportFinished of a case batch: batchReceived (once) and caseImported (every case it
 *   opened).
 */
export async function triggersOf(em: EntityManager, e: PublishedEvent): Promise<Trigger[]> {
  const p = e.payload as Payload;
  const own = e.aggregateType === 'case' ? e.aggregateId : null;
  const mapped = CASE_EVENTS[e.type];
  if (mapped) return cases(mapped, own);
  switch (e.type) {
    case 'CaseAssigned': {
      const assignee = str(p.assigneeId);
      const previous = str(p.previousAssigneeId);
      const roles = assignee ? await userRoles(em, e.tenantId, assignee) : [];
      const toField = roles.includes('field-collector') && !roles.includes('phone-collector');
      const out = cases(toField ? 'visitHandedOff' : 'caseAssigned', own);
      if (previous && previous !== assignee) out.push(...cases('caseReassigned', own));
      return out;
    }
    case 'TaskCompleted':
      return p.kind === 'visit' && p.status === 'done' ? cases('visitCompleted', own) : [];
    case 'ApprovalDecided': {
      if (p.decision === 'rejected') return cases('approvalRejected', own);
      if (p.decision !== 'approved') return [];
      const out = cases('approvalGranted', own);
      if (p.kind === 'legal-referral') out.push(...cases('legalReferred', own));
      return out;
    }
    case 'CaseClosed':
      return [
        ...cases('caseClosed', own),
        ...(p.outcome === 'settled' ? cases('caseSettled', own) : []),
      ];
    case 'NoticeDeliveryRecorded': {
      const event = DELIVERY_EVENTS[String(p.status)];
      return event ? cases(event, str(p.caseId)) : [];
    }
    case 'PaymentRecorded':
      return cases('paymentReceived', ...(await liveCasesOfAccount(em, e.tenantId, e.aggregateId)));
    case 'AttributeRecorded':
      return cases(
        'attributeRecorded',
        ...(e.aggregateType === 'account'
          ? await liveCasesOfAccount(em, e.tenantId, e.aggregateId)
          : await liveCasesOfDebtor(em, e.tenantId, e.aggregateId)),
      );
    case 'ImportFinished':
      if (p.kind !== 'cases') return [];
      return [
        { event: 'batchReceived', kind: 'tenant' },
        { event: 'caseImported', kind: 'import', importId: e.aggregateId },
      ];
    default:
      return [];
  }
}

async function userRoles(em: EntityManager, tenantId: string, userId: string): Promise<string[]> {
  const [row] = await em.execute<{ roles: string[] }[]>(
    `select roles from users where tenant_id = ? and id = ?`,
    [tenantId, userId],
  );
  return row?.roles ?? [];
}

async function liveCasesOfAccount(em: EntityManager, tenantId: string, accountId: string) {
  const rows = await em.execute<{ id: string }[]>(
    `select c.id from case_accounts ca join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
     where ca.tenant_id = ? and ca.account_id = ? and c.closed_on is null order by c.id`,
    [tenantId, accountId],
  );
  return rows.map((r) => r.id);
}

async function liveCasesOfDebtor(em: EntityManager, tenantId: string, debtorId: string) {
  const rows = await em.execute<{ id: string }[]>(
    `select id from cases where tenant_id = ? and debtor_id = ? and closed_on is null order by id`,
    [tenantId, debtorId],
  );
  return rows.map((r) => r.id);
}
