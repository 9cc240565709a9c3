import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { accountStateCtes, K_CTE, kParams, recoveryCtes, recReceiptCte } from './account-state.sql';

/**
 * The account state (`acct`) and the recoveries (`rec`) of a tenant as of a date, computed
 * ONCE per transaction into temporary tables (dropped at commit), for a step that runs many
 * KPI statements on the same date: SnapshotKpis measures every (metric, breakdown) of the
 * pack and EvaluateFlags selects every flag's subjects, each of which would otherwise redo
 * the waterfall over all of the tenant's installments and receipts (0.3–0.5 s each at 100k
 * accounts). Both tables hold every account type; a statement keeps its own types, and since
 * an account's rows depend on that account alone, its figures are exactly those of the
 * inline CTEs (accountStateCtes / recoveryCtes). Use only in a transaction that does not
 * change installments or payments after the first read.
 */
export class AccountStateTables {
  /** Table name by `${kind}|${asOf}`; each made on first use, so a step pays only for what it reads. */
  private readonly made = new Map<string, Promise<string>>();

  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
  ) {}

  /**
   * The `acct` and the recovery CTEs (`rec_receipt`, `rec`) for a statement as of `asOf`:
   * read from the cached table when the statement uses it, else the inline definition
   * (which PostgreSQL never evaluates when nothing references it).
   */
  async ctes(
    asOf: string,
    uses: { readonly acct: boolean; readonly rec: boolean },
  ): Promise<{ accountState: string; recovery: string }> {
    const accountState = uses.acct
      ? `
  acct as (
    select t.* from ${await this.table('acct', asOf)} t cross join k
    where t.type = any(k.account_types))`
      : accountStateCtes();
    const recovery = uses.rec
      ? `${recReceiptCte()},
  rec as (
    select t.account_id, t.debtor_id, t.type, t.paid_on, t.amount, t.recovered
    from ${await this.table('rec', asOf)} t cross join k where t.type = any(k.account_types))`
      : recoveryCtes();
    return { accountState, recovery };
  }

  private table(kind: 'acct' | 'rec', asOf: string): Promise<string> {
    const key = `${kind}|${asOf}`;
    let made = this.made.get(key);
    if (!made) {
      made = this.create(kind, asOf);
      this.made.set(key, made);
    }
    return made;
  }

  private async create(kind: 'acct' | 'rec', asOf: string): Promise<string> {
    const name = `kpi_${kind}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const params = kParams({
      tenantId: this.tenantId,
      asOf,
      periodStart: asOf,
      timeZone: 'UTC',
      thresholdDays: 0,
      accountTypes: [],
      groupType: '',
    });
    const select =
      kind === 'acct'
        ? `${accountStateCtes('true')} select * from acct`
        : `${recoveryCtes('true')}
           select account_id, debtor_id, type, paid_on, amount, recovered from rec`;
    await this.em.execute(
      `create temp table ${name} on commit drop as with ${K_CTE}, ${select}`,
      params,
    );
    // recoveryRate sums rec per account (a correlated subquery): it needs the key.
    if (kind === 'rec') await this.em.execute(`create index on ${name} (account_id)`);
    // Temporary tables are never auto-analysed; the planner needs their size and spread.
    await this.em.execute(`analyze ${name}`);
    return name;
  }
}
