import type { DpdBand, LoanClass } from '@qingshou/ledger';
import { loanClassSql } from './account-state.sql';
import { eventDateSql } from './event-dates.sql';

/**
 * A pack condition as one SQL boolean over a subject row `s` (debtor_id, account_id, dpd,
 * outstanding_principal, overdue_amount, overdue_principal, account_types) and the
 * parameter row `k`, so flags, drive scopes and lists are chosen set-based for the whole
 * portfolio, debtors without a case included. A debtor's figures are its accounts' (worst
 * DPD, summed amounts).
 *
 * Values are written into the text, so each is checked first against the closed shapes the
 * pack validator already enforced (slugs, dates, integers, decimals): a snapshot from a
 * newer platform cannot smuggle SQL. A condition the set-based path cannot decide
 * (settledBefore, stageReached, groupMetric, daysSince of an undated event) is reported,
 * never guessed.
 *
 * Three-valued, as the pack means it: every decided term is true or false — a debtor with
 * no promise at all has no pending promise, so `not: { promise: pending }` holds — and an
 * undecided term is SQL NULL (unknown), which `not` keeps unknown. Callers select rows
 * where the whole condition IS TRUE (a WHERE drops NULL), so an unknown never sets a flag
 * and never clears one.
 */
export interface CompiledCondition {
  readonly sql: string;
  readonly problems: readonly string[];
}

export interface ConditionOptions {
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
  /** Attribute key → its subject (debtor, account, case), from the pack's `attributes`. */
  readonly attributeSubjects: ReadonlyMap<string, string>;
}

const SLUG = /^[a-z][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,16}(\.\d{1,6})?$/;

class Unsafe extends Error {}

const slug = (v: unknown): string => {
  if (typeof v !== 'string' || !SLUG.test(v)) throw new Unsafe(`not a code: ${String(v)}`);
  return `'${v}'`;
};
const slugs = (v: unknown): string => {
  if (!Array.isArray(v) || v.length === 0) throw new Unsafe('needs a list of codes');
  return `(${v.map(slug).join(', ')})`;
};
const int = (v: unknown): number => {
  if (!Number.isInteger(v) || (v as number) < 0) throw new Unsafe(`not a count: ${String(v)}`);
  return v as number;
};
const date = (v: unknown): string => {
  if (typeof v !== 'string' || !DATE.test(v)) throw new Unsafe(`not a date: ${String(v)}`);
  return `'${v}'::date`;
};
const decimal = (v: unknown): string => {
  const text = String(v);
  if (!DECIMAL.test(text)) throw new Unsafe(`not an amount: ${text}`);
  return text;
};
const range = (column: string, a: { min?: unknown; max?: unknown }, value = decimal) =>
  [
    ...(a.min !== undefined ? [`${column} >= ${value(a.min)}`] : []),
    ...(a.max !== undefined ? [`${column} <= ${value(a.max)}`] : []),
  ].join(' and ') || 'true';

/** The debtor's cases, newest first: what case-level conditions look at. */
const LATEST_CASE = (column: string) =>
  `(select c.${column} from cases c where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id
    order by c.opened_on desc, c.created_at desc limit 1)`;
const CASES_OF = `(select c.id from cases c where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id)`;
const ACCOUNTS_OF = `(select a.id from accounts a where a.tenant_id = k.tenant_id
  and a.debtor_id = s.debtor_id and (s.account_id is null or a.id = s.account_id))`;

const AMOUNTS: Record<string, string> = {
  overdueAmount: 's.overdue_amount',
  overduePrincipal: 's.overdue_principal',
  overdueInterest: '(s.overdue_amount - s.overdue_principal)',
  outstandingPrincipal: 's.outstanding_principal',
};

type Args = Record<string, unknown>;

function term(name: string, a: Args, o: ConditionOptions): string {
  switch (name) {
    case 'dpd':
      return `(${range('s.dpd', a, (v) => String(int(v)))})`;
    case 'loanClass':
      return `${loanClassSql('s.dpd', o.loanClassBands)} in ${slugs(a.in)}`;
    case 'accountType':
      return `s.account_types && array${slugs(a.in).replace(/^\(/, '[').replace(/\)$/, ']')}::text[]`;
    case 'amount': {
      const column = AMOUNTS[String(a.of)];
      if (!column) throw new Unsafe(`amount of ${String(a.of)} needs the full balance (penalty)`);
      return `(${range(column, a)})`;
    }
    case 'attribute': {
      const subject = o.attributeSubjects.get(String(a.key)) ?? 'debtor';
      const target =
        subject === 'account'
          ? `v.subject = 'account' and v.subject_id = s.account_id`
          : subject === 'case'
            ? `v.subject = 'case' and v.subject_id in ${CASES_OF}`
            : `v.subject = 'debtor' and v.subject_id = s.debtor_id`;
      const values = a.in !== undefined ? ` and v.value in ${slugs(a.in)}` : '';
      const found = `exists (select 1 from attribute_values v where v.tenant_id = k.tenant_id
        and ${target} and v.key = ${slug(a.key)}${values})`;
      return a.set === false ? `not ${found}` : found;
    }
    case 'flag': {
      const found = `exists (select 1 from pack_flags f where f.tenant_id = k.tenant_id
        and f.flag = ${slug(a.id)} and f.cleared_on is null
        and ((f.subject = 'debtor' and f.subject_id = s.debtor_id)
          or (f.subject = 'account' and f.subject_id = s.account_id)))`;
      return a.set === false ? `not ${found}` : found;
    }
    case 'drivePhase':
      return `exists (select 1 from drives dr join drive_phases ph
        on ph.tenant_id = dr.tenant_id and ph.drive_id = dr.id
        where dr.tenant_id = k.tenant_id and dr.drive_key = ${slug(a.drive)}
          and ph.phase_key in ${slugs(a.phase)} and k.as_of between ph.starts_on and ph.ends_on)`;
    case 'dateWindow':
      return `(${range('k.as_of', a, date)})`;
    case 'caseStatus':
      return `${LATEST_CASE('status')} in ${slugs(a.in)}`;
    case 'reasonCode':
      return `${LATEST_CASE('overdue_reason_code')} in ${slugs(a.in)}`;
    case 'brokenPromises': {
      const within =
        a.withinDays !== undefined ? ` and p.due_on > k.as_of - ${int(a.withinDays)}` : '';
      return `(select count(*) from promises p where p.tenant_id = k.tenant_id
        and p.case_id in ${CASES_OF} and p.status = 'broken'${within}) >= ${int(a.min)}`;
    }
    case 'promise':
      return `(select p.status from promises p where p.tenant_id = k.tenant_id
        and p.case_id in ${CASES_OF} order by p.recorded_at desc limit 1) = ${slug(a.status)}`;
    case 'daysSince': {
      const latest = eventDateSql(String(a.event), {
        cases: CASES_OF,
        accounts: ACCOUNTS_OF,
        debtor: 's.debtor_id',
      });
      if (!latest) throw new Unsafe(`event "${String(a.event)}" keeps no date to count from`);
      return `(${range(`(k.as_of - ${latest})`, a, (v) => String(int(v)))})`;
    }
    case 'contactOutcome': {
      if (a.withinDays === undefined) {
        return `(select x.outcome_code from contact_attempts x where x.tenant_id = k.tenant_id
          and x.case_id in ${CASES_OF} order by x.attempted_at desc limit 1) in ${slugs(a.in)}`;
      }
      return `exists (select 1 from contact_attempts x where x.tenant_id = k.tenant_id
        and x.case_id in ${CASES_OF} and x.outcome_code in ${slugs(a.in)}
        and (x.attempted_at at time zone k.tz)::date > k.as_of - ${int(a.withinDays)})`;
    }
    default:
      throw new Unsafe(`condition "${name}" is judged per case by the engine, not set-based`);
  }
}

function compileNode(node: Args, o: ConditionOptions, problems: string[]): string {
  const parts = Object.entries(node).map(([key, value]) => {
    if (key === 'all' || key === 'any') {
      const joined = (value as Args[]).map((c) => compileNode(c, o, problems));
      return `(${joined.join(key === 'all' ? ' and ' : ' or ') || 'true'})`;
    }
    if (key === 'not') return `(not ${compileNode(value as Args, o, problems)})`;
    try {
      // A decided term with nothing to look at (no promise, no case, no event) is false.
      return `coalesce((${term(key, (value ?? {}) as Args, o)}), false)`;
    } catch (error) {
      if (!(error instanceof Unsafe)) throw error;
      problems.push(`${key}: ${error.message}`);
      return '(null::boolean)';
    }
  });
  return parts.length ? `(${parts.join(' and ')})` : 'true';
}

export function compileCondition(condition: unknown, options: ConditionOptions): CompiledCondition {
  const problems: string[] = [];
  const sql = compileNode((condition ?? {}) as Args, options, problems);
  return { sql, problems };
}

/**
 * Subjects as of k.as_of over the `acct` CTE: one row per debtor (its accounts' worst DPD,
 * summed amounts, account types) or per account.
 */
export function subjectsCte(subject: 'debtor' | 'account'): string {
  if (subject === 'account') {
    return `subj as (
      select a.debtor_id, a.account_id, a.dpd, a.outstanding_principal, a.overdue_amount,
             a.overdue_principal, array[a.type] as account_types
      from acct a)`;
  }
  return `subj as (
    select d.id as debtor_id, null::uuid as account_id, coalesce(max(a.dpd), 0) as dpd,
           coalesce(sum(a.outstanding_principal), 0) as outstanding_principal,
           coalesce(sum(a.overdue_amount), 0) as overdue_amount,
           coalesce(sum(a.overdue_principal), 0) as overdue_principal,
           coalesce(array_agg(distinct a.type) filter (where a.type is not null), '{}') as account_types
    from debtors d cross join k
    left join acct a on a.debtor_id = d.id
    where d.tenant_id = k.tenant_id
    group by d.id)`;
}
