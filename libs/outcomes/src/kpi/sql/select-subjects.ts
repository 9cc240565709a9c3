import { EntityManager } from '@mikro-orm/postgresql';
import type { DpdBand, LoanClass } from '@qingshou/ledger';
import type { PinnedPack } from '../support/pinned-pack';
import { ACCOUNT_STATE_CTES, K_CTE, kParams } from './account-state.sql';
import type { AccountStateTables } from './account-state-tables';
import { compileCondition, ConditionOptions, subjectsCte } from './subject-condition.sql';

export interface Subject {
  readonly debtorId: string;
  readonly accountId: string | null;
}

export interface SubjectSelection {
  readonly subjects: Subject[];
  /** Parts of the condition the set-based path could not decide (they count as false). */
  readonly problems: readonly string[];
}

export function conditionOptions(pack: PinnedPack): ConditionOptions {
  return {
    loanClassBands: pack.spec.classification?.loanClassBands as DpdBand<LoanClass>[] | undefined,
    attributeSubjects: new Map(pack.spec.attributes.map((a) => [a.key, a.subject])),
  };
}

/**
 * The debtors (or accounts) for which `condition` holds as of the date, in one statement;
 * on the transaction's cached account state when `tables` is given.
 */
export async function selectSubjects(
  em: EntityManager,
  tenantId: string,
  pack: PinnedPack,
  timeZone: string,
  asOf: string,
  subject: 'debtor' | 'account',
  condition: unknown,
  tables?: AccountStateTables,
): Promise<SubjectSelection> {
  const compiled = compileCondition(condition, conditionOptions(pack));
  const accountState = tables
    ? (await tables.ctes(asOf, { acct: true, rec: false })).accountState
    : ACCOUNT_STATE_CTES;
  const rows = await em.execute<{ debtor_id: string; account_id: string | null }[]>(
    `with ${K_CTE}, ${accountState}, ${subjectsCte(subject)}
     select s.debtor_id, s.account_id from subj s cross join k
     where ${compiled.sql}
     order by s.debtor_id, s.account_id`,
    kParams({
      tenantId,
      asOf,
      periodStart: asOf,
      timeZone,
      thresholdDays: 0,
      accountTypes: pack.spec.accountTypes,
      groupType: '',
    }),
  );
  return {
    subjects: rows.map((r) => ({ debtorId: r.debtor_id, accountId: r.account_id })),
    problems: compiled.problems,
  };
}
