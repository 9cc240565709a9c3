/**
 * The latest local date of a registry event (registry/events.ts) on or before k.as_of, as a
 * SQL expression, for `daysSince`. One definition serves both paths that judge it: the
 * set-based flag/list conditions (a subject row `s`: a debtor or an account) and the engine's
 * per-case facts (a case row). The expression reads the parameter row `k` (tenant_id, as_of,
 * tz) and the caller's scope; it is NULL when the event never happened.
 */
export interface EventScope {
  /** `(select …)` of the case ids the subject covers. */
  readonly cases: string;
  /** `(select …)` of the account ids the subject covers. */
  readonly accounts: string;
  /** The debtor id column. */
  readonly debtor: string;
}

const onDate = (column: string) => `(${column} at time zone k.tz)::date`;
const latest = (date: string, from: string, where: string) =>
  `(select max(${date}) from ${from} where ${where} and ${date} <= k.as_of)`;

const EVENT_SQL: Readonly<Record<string, (s: EventScope) => string>> = {
  caseOpened: (s) =>
    latest('c.opened_on', 'cases c', `c.tenant_id = k.tenant_id and c.id in ${s.cases}`),
  caseAssigned: (s) =>
    latest(
      onDate('x.assigned_at'),
      'case_assignments x',
      `x.tenant_id = k.tenant_id and x.case_id in ${s.cases}`,
    ),
  caseReassigned: (s) =>
    latest(
      onDate('x.assigned_at'),
      'case_assignments x',
      `x.tenant_id = k.tenant_id and x.case_id in ${s.cases} and x.from_user_id is not null`,
    ),
  contactLogged: (s) =>
    latest(
      onDate('x.attempted_at'),
      'contact_attempts x',
      `x.tenant_id = k.tenant_id and x.case_id in ${s.cases}`,
    ),
  visitCompleted: (s) =>
    latest(
      onDate('x.attempted_at'),
      'contact_attempts x',
      `x.tenant_id = k.tenant_id and x.case_id in ${s.cases} and x.channel = 'visit'`,
    ),
  promiseRecorded: (s) =>
    latest(
      onDate('p.recorded_at'),
      'promises p',
      `p.tenant_id = k.tenant_id and p.case_id in ${s.cases}`,
    ),
  promiseKept: (s) =>
    latest(
      onDate('p.kept_at'),
      'promises p',
      `p.tenant_id = k.tenant_id and p.case_id in ${s.cases}`,
    ),
  promiseBroken: (s) =>
    latest(
      onDate('p.broken_at'),
      'promises p',
      `p.tenant_id = k.tenant_id and p.case_id in ${s.cases}`,
    ),
  // A reversal row is not money received.
  paymentReceived: (s) =>
    latest(
      'p.paid_on',
      'payments p',
      `p.tenant_id = k.tenant_id and p.account_id in ${s.accounts} and p.reverses_payment_id is null`,
    ),
  dueDate: (s) =>
    latest(
      'i.due_date',
      'installments i',
      `i.tenant_id = k.tenant_id and i.account_id in ${s.accounts}`,
    ),
  noticeSent: (s) =>
    latest('n.sent_on', 'notices n', `n.tenant_id = k.tenant_id and n.case_id in ${s.cases}`),
  noticeSigned: (s) => delivery(s, 'signed'),
  noticeRefused: (s) => delivery(s, 'refused'),
  noticeUndeliverable: (s) => delivery(s, 'undeliverable'),
  // The first day after a notice's period (催缴通知书: 30 days from signed receipt, a holiday
  // end moved to the next working day), as its recorded delivery dated it.
  noticeDeadlinePassed: (s) =>
    latest(
      '(n.deadline + 1)',
      'notices n',
      `n.tenant_id = k.tenant_id and n.case_id in ${s.cases} and n.deadline is not null`,
    ),
  approvalGranted: (s) => decided(s, 'approved'),
  approvalRejected: (s) => decided(s, 'rejected'),
  legalReferred: (s) =>
    latest(
      onDate('ap.decided_at'),
      'approvals ap',
      `ap.tenant_id = k.tenant_id and ap.case_id in ${s.cases} and ap.kind = 'legal-referral'
       and ap.status = 'approved'`,
    ),
  stageEntered: (s) =>
    latest(
      'h.as_of',
      'case_stage_history h',
      `h.tenant_id = k.tenant_id and h.case_id in ${s.cases} and h.to_stage is not null`,
    ),
  attributeRecorded: (s) =>
    latest(
      onDate('v.recorded_at'),
      'attribute_values v',
      `v.tenant_id = k.tenant_id and ((v.subject = 'debtor' and v.subject_id = ${s.debtor})
       or (v.subject = 'account' and v.subject_id in ${s.accounts})
       or (v.subject = 'case' and v.subject_id in ${s.cases}))`,
    ),
  planAgreed: (s) =>
    latest(
      'rp.agreed_on',
      'repayment_plans rp',
      `rp.tenant_id = k.tenant_id and rp.case_id in ${s.cases}`,
    ),
  planKept: (s) =>
    latest(
      'rp.kept_on',
      'repayment_plans rp',
      `rp.tenant_id = k.tenant_id and rp.case_id in ${s.cases}`,
    ),
  planBroken: (s) =>
    latest(
      'rp.broken_on',
      'repayment_plans rp',
      `rp.tenant_id = k.tenant_id and rp.case_id in ${s.cases}`,
    ),
  caseClosed: (s) =>
    latest('c.closed_on', 'cases c', `c.tenant_id = k.tenant_id and c.id in ${s.cases}`),
  caseSettled: (s) =>
    latest(
      'c.closed_on',
      'cases c',
      `c.tenant_id = k.tenant_id and c.id in ${s.cases} and c.status = 'settled'`,
    ),
};

function delivery(s: EventScope, status: string): string {
  return latest(
    'e.occurred_on',
    'notice_delivery_events e join notices n on n.tenant_id = e.tenant_id and n.id = e.notice_id',
    `e.tenant_id = k.tenant_id and n.case_id in ${s.cases} and e.status = '${status}'`,
  );
}

function decided(s: EventScope, status: string): string {
  return latest(
    onDate('ap.decided_at'),
    'approvals ap',
    `ap.tenant_id = k.tenant_id and ap.case_id in ${s.cases} and ap.status = '${status}'`,
  );
}

/** Events with no stored trace to date them (an import batch, a reply slip…). */
export function isDatedEvent(event: string): boolean {
  return Object.prototype.hasOwnProperty.call(EVENT_SQL, event);
}

/** The latest date of `event` for the scope, or null when the platform keeps no date for it. */
export function eventDateSql(event: string, scope: EventScope): string | null {
  return isDatedEvent(event) ? EVENT_SQL[event](scope) : null;
}

export const DATED_EVENTS = Object.keys(EVENT_SQL);
