/**
 * A valid body for every write route that takes an id and a body, keyed by
 * `METHOD /path/:param` as the router declares it (API paths without /api/v1). Valid means
 * the validation pipe (or the console form) lets it through, so the route meta-test proves
 * that the HANDLER refuses a caller who may not see the object (404) — a 400 proves nothing.
 * The meta-test fails for a route that takes a body and has no sample here.
 */
const SOMEONE = '3f0f6d8e-0000-4000-8000-00000000aaaa';

const contact = { channel: 'call', party: 'debtor', outcomeCode: 'no-answer' };
const promise = { amount: '1000.00', dueOn: '2026-03-20' };
const approval = { kind: 'visit-plan', reason: '外访计划' };
const cost = { category: 'travel', amount: '230.00' };
const delivery = { status: 'sent', on: '2026-03-10' };
/** The case page's 开具通知书 form (the template need not exist: access is decided first). */
const letter = {
  templateId: 'leasing-dealer-arrears/demand-letter',
  letterDate: '2026-03-10',
  recipient: 'debtor',
  idempotencyKey: 'meta-letter-1',
};

const SAMPLE_BODIES: Record<string, object> = {
  // Ledger
  'POST /debtors/:id/related-parties': { kind: 'guarantor', name: '王五' },
  'POST /debtors/:id/groups': { type: 'village', code: 'qianying', name: '前营村' },
  'POST /accounts/:id/payments': {
    externalRef: 'LS-META-1',
    paidOn: '2026-03-10',
    amount: '100.00',
  },
  'POST /payments/:id/reverse': { reason: '银行退票' },
  'POST /cases/:id/contact-points': { kind: 'phone', subtype: 'mobile', value: '13800001111' },
  'POST /cases/:id/contact-points/:pointId/status': { status: 'empty' },
  'POST /cases/:id/unreachable': {},
  'POST /cases/:id/reachable': {},
  // Notices
  'POST /notices/:id/delivery': delivery,
  // Cases
  'POST /cases/:id/assign': { assigneeId: SOMEONE, handoverNote: '交接' },
  'POST /cases/:id/pause': { reason: 'dispute', untilOn: '2026-03-20' },
  'POST /cases/:id/resume': { notes: '争议已解决' },
  'POST /cases/:id/close': { outcome: 'closed', reason: '结案' },
  'POST /cases/:id/blacklist': { reason: '长期逾期' },
  'POST /cases/:id/contacts': contact,
  'POST /cases/:id/promises': promise,
  'POST /cases/:id/disputes': { accountId: SOMEONE, kind: 'amount-wrong' },
  'POST /cases/:id/disputes/:disputeId/decision': { outcome: 'rejected' },
  'POST /cases/:id/debtor-links': { channel: 'console' },
  'POST /cases/:id/plans': { arrears: '13200.00', count: 12, firstDueOn: '2026-04-02' },
  'POST /cases/:id/costs': cost,
  'POST /cases/:id/legal-steps': { step: 'filing', occurredOn: '2026-03-10' },
  'POST /cases/:id/settlements-in-kind': { asset: '拖拉机一台', appraisalValue: '86000.00' },
  'POST /cases/:id/tasks': { kind: 'call', dueAt: '2026-03-12T09:00:00+08:00' },
  'POST /cases/:id/approvals': approval,
  'POST /approvals/:id/decision': { decision: 'approved' },
  'POST /tasks/:id/complete': { status: 'done' },
  'POST /teams/:id/members': { userId: SOMEONE, role: 'member' },
  'POST /alerts/:id/acknowledge': { note: '已督促' },
  'PUT /cases/:id/legal-hold': { hold: true, reason: '诉讼保全中' },
  // Outcomes (attributes, drives)
  'PUT /attributes/:subject/:subjectId/:key': { value: '村主任' },
  'POST /drives/:id/items/:itemId/complete': { note: '完成' },
  'POST /drives/:id/publications': { publication: 'progress' },
  'POST /drives/:id/publications/:publicationId/decision': { decision: 'approved' },
  // Console forms (urlencoded, the fields the pages post)
  'POST /console/work/tasks/:id/complete': { note: '完成' },
  'POST /console/work/drives/:driveId/items/:itemId/complete': { note: '完成' },
  'POST /console/cases/:id/contacts': contact,
  'POST /console/cases/:id/promises': promise,
  // The case page asks for the chosen kind's own fields (a visit plan: date and place).
  'POST /console/cases/:id/approvals': { ...approval, visitOn: '2026-03-13', place: '借款人家中' },
  'POST /console/cases/:id/costs': cost,
  // The contact panel (issue 11 §2).
  'POST /console/cases/:id/contact-points': { subtype: 'mobile', value: '13800001111' },
  'POST /console/cases/:id/contact-points/:pointId/status': { status: 'empty' },
  'POST /console/cases/:id/unreachable': {},
  'POST /console/cases/:id/reachable': {},
  'POST /console/cases/:id/letters': letter,
  'POST /console/cases/:id/letters/preview': letter,
  'POST /console/supervisor/approvals/:id/decision': { decision: 'approved' },
  'POST /console/supervisor/alerts/:id/acknowledge': { note: '已督促' },
  'POST /console/cases/:id/actions/close': { outcome: 'returned', reason: '委托期满退案' },
  'POST /console/cases/:id/actions/pause': { reason: 'dispute', untilOn: '2026-03-20' },
  'POST /console/cases/:id/actions/resume': { notes: '争议已解决' },
  'POST /console/cases/:id/actions/blacklist': { reason: '长期逾期' },
  'POST /console/cases/:id/disputes': { accountId: SOMEONE, kind: 'amount-wrong' },
  'POST /console/cases/:id/disputes/decide': { disputeId: SOMEONE, outcome: 'rejected' },
  'POST /console/cases/:id/plans': {
    arrears: '13200.00',
    downPayment: '1200.00',
    count: '12',
    firstDueOn: '2026-04-02',
  },
  'POST /console/cases/:id/plans/:planId/agree': {},
  // The scan is a multipart file: without one the form re-renders (422) after the case check.
  'POST /console/cases/:id/plans/:planId/signed': {},
  'POST /console/approvals/:id/decision': { decision: 'approved' },
  'POST /console/finance/payments/:id/reversal': { reason: '银行退票' },
  'POST /console/notices/:id/delivery': delivery,
  // The legal room (issue 11 §5): a step and 以物抵债 on a matter.
  'POST /console/legal/:caseId/steps': { step: 'filing', occurredOn: '2026-03-10' },
  'POST /console/legal/:caseId/settlements': { asset: '拖拉机一台', appraisalValue: '86000.00' },
};

export function sampleBodyFor(route: string): object | undefined {
  return SAMPLE_BODIES[route];
}
