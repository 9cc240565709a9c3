import type { EntityManager } from '@mikro-orm/postgresql';
import { TenantTx } from '../../libs/db/src';
import { Dec } from '../../libs/ledger/src';
import {
  MetricCalculator,
  pinnedPack,
  RecordKpiInput,
  type KpiInputName,
} from '../../libs/outcomes/src';
import { AccountStateTables } from '../../libs/outcomes/src/kpi/sql/account-state-tables';
import { METRIC_DEFINITIONS } from '../../libs/policy/src';
import { meta } from '../packs/support/pack-scenario';
import {
  INDEPENDENT,
  inputFigures,
  perGroup,
  periodStart,
  type Scope,
} from './support/independent-kpi-sql';
import { AS_OF, generateSqlBook, MID, type SqlBook } from './support/kpi-sql-book';

/**
 * Issue 13 §2: every metric of the registry, as the product's calculator computes it for
 * the tenant, per village and per collector, equals a hand-written SQL over the raw tables
 * (support/independent-kpi-sql.ts, which shares nothing with the metrics' SQL), on one
 * generated book made through the product's own commands — amounts to the fen, ratios to
 * the basis point. A metric added to the registry without an independent query fails here.
 */

type Args = Record<string, unknown>;
const TZ = 'Asia/Shanghai';
const PERIODS = ['week', 'month', 'quarter', 'year'];
const each = (period: string[], rest: Args = {}) => period.map((p) => ({ ...rest, period: p }));

/** Argument variants per metric, defaults spelled out. */
const VARIANTS: Record<string, Args[]> = {
  defaultRate: [{ thresholdDays: 0 }, { thresholdDays: 30 }, { thresholdDays: 90 }],
  nplRatio: [{}],
  overdueRate: [{ basis: 'balance' }, { basis: 'count' }],
  overdueReduction: [
    ...each(['month', 'year'], { basis: 'amount' }),
    ...each(['quarter'], { basis: 'count' }),
  ],
  recoveredAmount: each(PERIODS),
  recoveredVsPlan: each(['month', 'year'], { plan: '60000.00' }),
  recoveryRate: each(PERIODS),
  promisesKept: each(PERIODS),
  contactRate: each(PERIODS),
  slaCompliance: each(PERIODS),
  contributionArrearsRatio: [{ basis: 'amount' }, { basis: 'count' }],
  loanToDepositRatio: [{ depositBalance: '900000.00' }],
  visitCount: each(PERIODS),
  collectionCost: each(PERIODS),
  activePlans: [{}],
  planAmount: [{}],
  planKeptRate: each(PERIODS),
};

/**
 * The breakdowns per date: on the last day the tenant, every village, collector and team (the
 * independent side takes the case's assignee and team now); mid-way the tenant and villages.
 */
const CUTS: [string, string[]][] = [
  [AS_OF, ['tenant', 'village', 'collector', 'team']],
  [MID, ['tenant', 'village']],
];
/** Breakdowns only some metrics have: 篇八's steps are tasks' (the 委托批次 `batch` needs an import). */
const MORE_CUTS: Record<string, string[]> = { slaCompliance: ['step'] };

type Figure = { num: string | null; den: string | null; value: string | null };
const fen = (v: string | null) => (v === null ? null : new Dec(v).toFixed(2));
const bp = (v: string | Dec | null) => (v === null ? null : new Dec(v).toFixed(4));

describe('KPI vs independent SQL: every registry metric on one generated book', () => {
  let book: SqlBook;
  let compared = 0;
  const measured = new Set<string>();

  beforeAll(async () => {
    const t0 = Date.now();
    book = await generateSqlBook(13, 130);
    process.stdout.write(`kpisql: book built in ${Date.now() - t0} ms\n`);
    const { api, tenantId } = book;
    // Manual figures for three villages of four (the fourth has none: no denominator).
    const villages = await api.app
      .get(TenantTx)
      .run(tenantId, (em) =>
        em.execute<{ id: string; code: string }[]>(
          `select id, code from debtor_groups where tenant_id = ? and type = 'village' order by code`,
          [tenantId],
        ),
      );
    const figures: [KpiInputName, string | undefined, string][] = [];
    villages.slice(0, 3).forEach((v, i) => {
      figures.push(['deposit-balance', v.id, `${200000 + i * 50000}.00`]);
      figures.push(['recovery-plan', v.id, `${15000 + i * 2500}.00`]);
    });
    // 期初已回收: recovered before the book began, for the tenant and one village.
    figures.push(['recovered-opening', undefined, '12345.67']);
    figures.push(['recovered-opening', villages[1].id, '2222.22']);
    for (const [input, groupId, amount] of figures) {
      await api.commands.execute(
        new RecordKpiInput(meta(tenantId), {
          input,
          ...(groupId ? { groupType: 'village', groupId } : {}),
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          amount,
        }),
      );
    }
  }, 600_000);
  afterAll(async () => {
    // The size of what was compared, for the record.
    process.stdout.write(
      `kpisql: ${compared} figures compared, book ${JSON.stringify(book?.counts)}\n`,
    );
    await book?.api.close();
  });

  it('the book: a few hundred accounts, every kind of fact the metrics read', () => {
    const c = book.counts;
    expect(c['accounts:loan']).toBeGreaterThan(150);
    expect(c['accounts:employer-contribution']).toBe(16);
    expect(c['accounts:housing-fund-loan']).toBe(14);
    const kinds = ['reversals', 'contacts', 'promises', 'tasks', 'costs', 'reassignments'];
    for (const k of [...kinds, 'closed cases', 'reopened cases']) {
      expect({ k, some: (c[k] ?? 0) > 0 }).toEqual({ k, some: true });
    }
  });

  it('every registry metric has an independent query and variants here (a new one fails until covered)', () => {
    const names = Object.keys(METRIC_DEFINITIONS).sort();
    expect(names.filter((n) => !INDEPENDENT[n] || !VARIANTS[n])).toEqual([]);
  });

  /**
   * The calculator's figures per group code, and the independent SQL's. The calculator reads
   * the transaction's cached account state, as the dashboard's snapshots do (SnapshotKpis);
   * test/policy/construct-parity.spec.ts covers its inline form.
   */
  async function both(
    em: EntityManager,
    tables: AccountStateTables,
    name: string,
    args: Args,
    asOf: string,
    per: string,
  ) {
    const { api, tenantId } = book;
    const mine = INDEPENDENT[name];
    const s: Scope = {
      tenantId,
      asOf,
      start: args.period ? periodStart(String(args.period), asOf) : asOf,
      timeZone: TZ,
    };
    const pack = await pinnedPack(em, tenantId);
    const result = await api.app
      .get(MetricCalculator)
      .compute(em, { tenantId, timeZone: TZ, pack }, { metric: name, args, asOf, per }, tables);
    if (result.period) expect(result.period.start).toBe(s.start);
    const product: Record<string, Figure> = {};
    for (const v of result.values) {
      if (v.numerator === null) continue; // a group with nothing measured
      const key = per === 'tenant' ? 'tenant' : v.groupCode;
      product[key] = { num: fen(v.numerator), den: fen(v.denominator), value: bp(v.value) };
    }
    const rows = await em.execute<{ grp: string; num: string; den: string | null }[]>(
      perGroup(mine.units(s, args), per, s),
    );
    const sums = new Map(rows.map((r) => [r.grp, { num: r.num, den: r.den }]));
    const figures = async (input: string) =>
      new Map(
        (await em.execute<{ grp: string; amount: string }[]>(inputFigures(input, per, s))).map(
          (r) => [r.grp, r.amount],
        ),
      );
    if (mine.opening) {
      for (const [grp, amount] of await figures(mine.opening)) {
        const was = sums.get(grp);
        sums.set(grp, { num: new Dec(was?.num ?? '0').plus(amount).toString(), den: null });
      }
    }
    const plans = mine.plan ? await figures(mine.plan.input) : new Map<string, string>();
    const independent: Record<string, Figure> = {};
    for (const [grp, sum] of sums) {
      let den = sum.den;
      if (mine.plan) {
        const arg = per === 'tenant' ? args[mine.plan.arg] : undefined;
        den = plans.get(grp) ?? (arg === undefined ? null : String(arg));
      }
      const value =
        mine.unit !== 'ratio'
          ? new Dec(sum.num)
          : den === null || new Dec(den).isZero()
            ? null
            : new Dec(sum.num).div(new Dec(den));
      independent[grp] = { num: fen(sum.num), den: fen(den), value: bp(value) };
    }
    return { product, independent };
  }

  it.each(Object.keys(METRIC_DEFINITIONS).map((n) => [n]))(
    '%s: the calculator equals the hand-written SQL per tenant, village, collector and team, on two dates',
    async (name) => {
      if (!INDEPENDENT[name] || !VARIANTS[name]) return; // reported by the test above
      for (const [asOf, cuts] of CUTS) {
        const { api, tenantId } = book;
        await api.app.get(TenantTx).run(tenantId, async (em) => {
          const tables = new AccountStateTables(em, tenantId);
          for (const args of VARIANTS[name]) {
            for (const per of [...cuts, ...(asOf === AS_OF ? (MORE_CUTS[name] ?? []) : [])]) {
              const { product, independent } = await both(em, tables, name, args, asOf, per);
              expect({ args, asOf, per, figures: product }).toEqual({
                args,
                asOf,
                per,
                figures: independent,
              });
              const groups = Object.values(independent);
              compared += groups.length * 3;
              if (groups.some((g) => g.value !== null && !new Dec(g.value).isZero())) {
                measured.add(name);
              }
              // A breakdown that lost its groups would show here (the year sees them all).
              if (per !== 'tenant' && (args.period ?? 'year') === 'year') {
                expect({ args, per, groups: groups.length > 1 }).toEqual({
                  args,
                  per,
                  groups: true,
                });
              }
            }
          }
        });
      }
      // The book exercises the metric: some variant measures something.
      expect({ name, measured: measured.has(name) }).toEqual({ name, measured: true });
    },
  );
});
