import { EntityManager } from '@mikro-orm/postgresql';
import { compareLocalDates, type LocalDate } from '@qingshou/calendar';
import { effectiveDpd, type PauseSpan } from '@qingshou/collection';
import {
  AccountBalances,
  type Balance,
  dec,
  formatMoney,
  type LoanAccount,
  ZERO,
} from '@qingshou/ledger';
import type { CaseFacts } from '../domain/case-facts';
import type { PackView } from '../domain/pack-view';
import { balancesAsOf } from './balances';
import { loadPolicyFacts, PolicyFacts } from './policy-facts';
import { loadSideFacts, SideFacts } from './side-facts';
import { groupBy, pgArray } from './sql';

/** A case row as the chunk query reads it. */
export interface CaseRow {
  readonly id: string;
  readonly debtorId: string;
  readonly status: string;
  readonly stage: string | null;
  readonly assigneeId: string | null;
  readonly overdueReasonCode: string | null;
  readonly openedOn: LocalDate;
}

export interface FactsQuery {
  readonly tenantId: string;
  readonly asOf: LocalDate;
  readonly timeZone: string;
  readonly needs: ReadonlySet<string>;
  readonly contactWindowDays: number;
  /** The pack evaluated; without it `groupMetric` (which needs its definitions) never holds. */
  readonly pack?: PackView;
}

/**
 * One account of a case as evaluated: its balance, and the contract terms and ledger that
 * priced it, so notice data can price an incentive on other terms without reading again.
 */
export interface EvaluatedAccount {
  readonly accountId: string;
  readonly type: string;
  readonly balance: Balance;
  readonly loan?: LoanAccount;
  readonly compute?: (loan: LoanAccount, asOf: LocalDate) => Balance;
}

export interface ChunkFacts {
  readonly facts: CaseFacts[];
  /** Cases that could not be judged (an inconsistent ledger), with the reason. */
  readonly errors: { caseId: string; reason: string }[];
  /** Per case: its accounts' balances, for notice data. */
  readonly balances: Map<string, EvaluatedAccount[]>;
}

const LOAN_CLASS_ORDER = ['pass', 'special-mention', 'substandard', 'doubtful', 'loss'];

/** Everything the ladder needs about a chunk of cases, read set-based (no entity loading). */
export async function loadChunkFacts(
  em: EntityManager,
  ledger: AccountBalances,
  q: FactsQuery,
  cases: readonly CaseRow[],
): Promise<ChunkFacts> {
  const caseIds = cases.map((c) => c.id);
  const links = await em.execute<{ case_id: string; account_id: string; type: string }[]>(
    `select ca.case_id, ca.account_id, a.type from case_accounts ca
     join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
     where ca.tenant_id = ? and ca.case_id = any(?::uuid[]) order by ca.case_id, a.start_date, a.id`,
    [q.tenantId, pgArray(caseIds)],
  );
  const accountsOf = groupBy(links, (l) => l.case_id);
  const accountIds = [...new Set(links.map((l) => l.account_id))];
  const {
    byAccount,
    loans,
    errors: ledgerErrors,
  } = await balancesAsOf(em, ledger, q.tenantId, accountIds, q.asOf);
  const side = await loadSideFacts(em, {
    ...q,
    caseIds,
    accountIds,
    subjectIds: [...new Set([...cases.map((c) => c.debtorId), ...accountIds])],
  });
  const policy = await loadPolicyFacts(
    em,
    q,
    cases.map((c) => ({
      id: c.id,
      debtorId: c.debtorId,
      assigneeId: c.assigneeId,
      accountIds: (accountsOf.get(c.id) ?? []).map((a) => a.account_id),
    })),
    SIDE_EVENTS,
  );
  // A copy of the loaded account with other terms: what GetIncentiveEffects prices with.
  const termsOf = (accountId: string) => {
    const loaded = loans.get(accountId);
    return loaded
      ? {
          loan: loaded.loan,
          compute: (loan: LoanAccount, on: LocalDate) =>
            ledger.compute(q.tenantId, { ...loaded, loan }, on),
        }
      : {};
  };
  const facts: CaseFacts[] = [];
  const errors: { caseId: string; reason: string }[] = [];
  const balances = new Map<string, EvaluatedAccount[]>();
  for (const row of cases) {
    const accounts = accountsOf.get(row.id) ?? [];
    const broken = accounts.find((a) => ledgerErrors.has(a.account_id));
    if (broken) {
      errors.push({ caseId: row.id, reason: ledgerErrors.get(broken.account_id) as string });
      continue;
    }
    const list = accounts
      .filter((a) => byAccount.has(a.account_id))
      .map((a) => ({
        accountId: a.account_id,
        type: a.type,
        balance: byAccount.get(a.account_id) as Balance,
        ...termsOf(a.account_id),
      }));
    balances.set(row.id, list);
    facts.push(factsOf(row, list, side, policy, q));
  }
  return { facts, errors, balances };
}

/** Events factsOf dates from the side tables; the rest come from policy-facts. */
const SIDE_EVENTS: ReadonlySet<string> = new Set([
  'caseOpened',
  'paymentReceived',
  'contactLogged',
  'promiseRecorded',
  'promiseKept',
  'promiseBroken',
  'stageEntered',
  'caseAssigned',
  'caseReassigned',
  'noticeSent',
  'caseSettled',
]);

function factsOf(
  row: CaseRow,
  accounts: EvaluatedAccount[],
  side: SideFacts,
  policy: PolicyFacts,
  q: FactsQuery,
): CaseFacts {
  const balances = accounts.map((a) => a.balance);
  const sum = (pick: (b: Balance) => string) =>
    formatMoney(balances.reduce((acc, b) => acc.plus(dec(pick(b))), ZERO));
  const dpd = Math.max(0, ...balances.map((b) => b.dpd));
  const disputes = side.disputes.get(row.id) ?? [];
  // A case-wide dispute pauses like a pause; an account's pauses that account's days only.
  const pauses = [...(side.pauses.get(row.id) ?? []), ...disputes.filter((d) => !d.accountId)];
  const activeOn = (p: PauseSpan) =>
    compareLocalDates(p.fromOn, q.asOf) <= 0 &&
    compareLocalDates(q.asOf, p.untilOn) <= 0 &&
    (!p.endedOn || compareLocalDates(q.asOf, p.endedOn) < 0);
  const spansOf = (accountId: string) => [
    ...pauses,
    ...disputes.filter((d) => d.accountId === accountId),
  ];
  // The case escalates on its most overdue account as counted without its paused days.
  const caseEffectiveDpd = Math.max(
    0,
    ...accounts.map((a) => effectiveDpd(a.balance.dpd, spansOf(a.accountId), q.asOf)),
  );
  // Every account disputed today: nothing is left to collect until a decision.
  const allDisputed =
    accounts.length > 0 && accounts.every((a) => spansOf(a.accountId).some(activeOn));
  const inArrears = balances.some((b) => b.dpd > 0 || dec(b.dueToday).gt(0));
  const settled =
    balances.length > 0 &&
    balances.every((b) => dec(b.totalDue).isZero() && dec(b.outstandingPrincipal).isZero());
  const paidDates = accounts
    .map((a) => side.lastPaid.get(a.accountId))
    .filter((d): d is string => !!d);
  const lastPaid = paidDates.sort(compareLocalDates).pop() ?? null;
  const promises = side.promises.get(row.id) ?? [];
  const contacts = side.contacts.get(row.id) ?? [];
  const history = side.history.get(row.id) ?? [];
  const latest = (dates: (string | null | undefined)[]) =>
    dates
      .filter((d): d is string => !!d)
      .sort(compareLocalDates)
      .pop();
  const events: Record<string, LocalDate | undefined> = {
    caseOpened: row.openedOn,
    paymentReceived: lastPaid ?? undefined,
    contactLogged: contacts[0]?.on,
    promiseRecorded: latest(promises.map((p) => p.recordedOn)),
    promiseKept: latest(promises.map((p) => p.keptOn)),
    promiseBroken: latest(promises.map((p) => p.brokenOn)),
    stageEntered: history[history.length - 1]?.asOf,
    caseAssigned: side.lastAssigned.get(row.id),
    caseReassigned: side.lastAssigned.get(row.id),
    noticeSent: side.lastNoticeSent.get(row.id),
    caseSettled: settled ? (lastPaid ?? undefined) : undefined,
    ...policy.events.get(row.id),
  };
  const subjects = [row.debtorId, ...accounts.map((a) => a.accountId)];
  const flags = new Set<string>();
  for (const key of side.flags) {
    const [subject, flag] = key.split(':');
    if (subjects.includes(subject)) flags.add(flag);
  }
  const worstClass = balances
    .map((b) => b.loanClass as string)
    .sort((a, b) => LOAN_CLASS_ORDER.indexOf(a) - LOAN_CLASS_ORDER.indexOf(b))
    .pop();
  return {
    caseId: row.id,
    debtorId: row.debtorId,
    status: row.status,
    stage: row.stage,
    assigneeId: row.assigneeId,
    overdueReasonCode: row.overdueReasonCode,
    accountIds: accounts.map((a) => a.accountId),
    accountTypes: [...new Set(accounts.map((a) => a.type))],
    dpd,
    effectiveDpd: caseEffectiveDpd,
    inArrears,
    settled,
    pausedToday: pauses.some(activeOn) || allDisputed,
    amounts: {
      overdueAmount: sum((b) => dec(b.overduePrincipal).plus(dec(b.overdueInterest)).toFixed(2)),
      overduePrincipal: sum((b) => b.overduePrincipal),
      overdueInterest: sum((b) => b.overdueInterest),
      penaltyInterest: sum((b) => b.penaltyInterest),
      compoundInterest: sum((b) => b.compoundInterest),
      totalDue: sum((b) => b.totalDue),
      outstandingPrincipal: sum((b) => b.outstandingPrincipal),
    },
    loanClass: worstClass ?? 'pass',
    overdueInstallments: {
      consecutive: Math.max(0, ...balances.map((b) => b.overdueInstallments.consecutive)),
      cumulative: Math.max(0, ...balances.map((b) => b.overdueInstallments.cumulative)),
    },
    brokenPromiseDates: promises
      .map((p) => p.brokenOn)
      .filter((d): d is string => d !== null)
      .sort(compareLocalDates),
    latestPromiseStatus: promises[promises.length - 1]?.status ?? null,
    contacts,
    flags,
    events,
    settledOn: settled ? lastPaid : null,
    history,
    doneSeries: side.doneSeries.get(row.id) ?? new Set(),
    ...(policy.attributes ? { attributes: policy.attributes.get(row.id) ?? new Map() } : {}),
    ...(policy.groupMetrics ? { groupMetrics: policy.groupMetrics.get(row.id) ?? new Map() } : {}),
    ...(policy.drivePhases ? { drivePhases: policy.drivePhases } : {}),
  };
}
