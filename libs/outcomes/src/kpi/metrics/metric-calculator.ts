import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@qingshou/calendar';
import { Dec, type DpdBand, type LoanClass } from '@qingshou/ledger';
import { METRICS, type MetricName } from '@qingshou/policy';
import { ACCOUNT_STATE_CTES, K_CTE, kParams, RECOVERY_CTES } from '../sql/account-state.sql';
import type { AccountStateTables } from '../sql/account-state-tables';
import { AGGREGATE_SQL, dimensionSql } from '../sql/dimensions.sql';
import type { PinnedPack } from '../support/pinned-pack';
import { accountTypesFor, unitsSql } from './metric-units';
import { DriveWindow, Period, periodOf } from './periods';

export interface MetricContext {
  readonly tenantId: string;
  readonly timeZone: string;
  readonly pack: PinnedPack;
}

export interface MetricRequest {
  readonly metric: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly asOf: LocalDate;
  /** tenant, collector, team or a group type. */
  readonly per: string;
  /** The period when the metric's own arguments name none (a target's `period`). */
  readonly defaultPeriod?: string;
  /** A window that replaces the period altogether (a drive phase judging its targets). */
  readonly window?: Period & { readonly name: string };
}

/** One group's figure. Values are decimal strings; null when there is nothing to measure. */
export interface MetricValue {
  readonly groupType: string;
  readonly groupId: string;
  readonly groupCode: string;
  readonly groupName: string;
  readonly numerator: string | null;
  readonly denominator: string | null;
  readonly value: string | null;
}

export interface MetricResult {
  readonly metric: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly asOf: LocalDate;
  readonly per: string;
  /** The window a flow metric was measured over; null for a metric at a date. */
  readonly period: (Period & { readonly name: string }) | null;
  readonly values: MetricValue[];
}

const FLOW = new Set(
  Object.entries(METRICS)
    .filter(([, entry]) => 'period' in new entry.args())
    .map(([name]) => name),
);

export function isFlowMetric(metric: string): boolean {
  return FLOW.has(metric);
}

/**
 * Computes a registry metric as of a date, for the tenant or per group, in one set-based
 * statement (no entity is loaded). See metric-units.ts for each definition.
 */
@Injectable()
export class MetricCalculator {
  /**
   * `tables`: the transaction's cached account state, for a caller that computes many
   * metrics as of the same date (see AccountStateTables); without it, computed inline.
   */
  async compute(
    em: EntityManager,
    ctx: MetricContext,
    req: MetricRequest,
    tables?: AccountStateTables,
  ): Promise<MetricResult> {
    const entry = METRICS[req.metric as MetricName];
    if (!entry) throw new Error(`unknown metric ${req.metric}`);
    const flow = isFlowMetric(req.metric);
    const period = await metricPeriod(em, ctx, req);
    // Before any drive is launched a `drive` figure has no window: measuring the year instead
    // made the co-op's 清收计划完成率 fall from the year's 55% to the drive's 8.69% on launch.
    if (flow && period === null) {
      return {
        metric: req.metric,
        args: req.args,
        asOf: req.asOf,
        per: req.per,
        period: null,
        values: [],
      };
    }
    const bands = ctx.pack.spec.classification?.loanClassBands as DpdBand<LoanClass>[] | undefined;
    const units = unitsSql(req.metric, {
      basis: req.args.basis as string | undefined,
      loanClassBands: bands,
    });
    const state = tables
      ? await tables.ctes(req.asOf, { acct: /\bacct\b/.test(units), rec: /\brec\b/.test(units) })
      : { accountState: ACCOUNT_STATE_CTES, recovery: RECOVERY_CTES };
    const sql = `with ${K_CTE}, ${state.accountState}, ${state.recovery},
      ${units},
      ${dimensionSql(req.per)}
      ${AGGREGATE_SQL}`;
    const rows = await em.execute<
      { group_id: string; code: string; name: string; num: string | null; den: string | null }[]
    >(
      sql,
      kParams({
        tenantId: ctx.tenantId,
        asOf: req.asOf,
        periodStart: period?.start ?? req.asOf,
        timeZone: ctx.timeZone,
        thresholdDays: Number(req.args.thresholdDays ?? 0),
        accountTypes: accountTypesFor(req.metric, ctx.pack.spec.accountTypes),
        groupType: req.per,
      }),
    );
    // A denominator outside the ledger (a plan, a deposit balance): the metric declares it.
    const planned = entry.plan;
    const plans = planned
      ? await planFigures(em, ctx.tenantId, planned.input, req.per, req.asOf)
      : new Map<string, string>();
    const openings = entry.opening
      ? await planFigures(em, ctx.tenantId, entry.opening.input, req.per, req.asOf)
      : new Map<string, string>();
    const values = rows.map((row): MetricValue => {
      let den = row.den;
      if (planned) {
        // The figure the office entered for the period wins over the pack's default.
        const fromArgs = req.per === 'tenant' ? req.args[planned.arg] : undefined;
        den = plans.get(row.group_id) ?? (fromArgs !== undefined ? String(fromArgs) : null);
      }
      const opening = openings.get(row.group_id);
      // A village with a plan and nothing recovered yet stands at 0%, not 无数据.
      const own = planned && den !== null ? (row.num ?? '0') : row.num;
      const num = opening === undefined ? own : new Dec(own ?? '0').plus(opening).toFixed(2);
      return {
        groupType: req.per,
        groupId: row.group_id,
        groupCode: row.code,
        groupName: row.name,
        numerator: num,
        denominator: den,
        value: valueOf(entry.unit, num, den),
      };
    });
    return { metric: req.metric, args: req.args, asOf: req.asOf, per: req.per, period, values };
  }
}

/**
 * The window a flow metric is measured over (null for a stock metric, and for a `drive`
 * figure before any drive is launched: it has none).
 */
export async function metricPeriod(
  em: EntityManager,
  ctx: MetricContext,
  req: MetricRequest,
): Promise<(Period & { readonly name: string }) | null> {
  if (!isFlowMetric(req.metric)) return null;
  if (req.window) return req.window;
  const periodName = String(req.args.period ?? req.defaultPeriod ?? 'year');
  const drive = periodName === 'drive' ? await driveWindow(em, ctx.tenantId, req.asOf) : null;
  if (periodName === 'drive' && !drive) return null;
  return { name: periodName, ...periodOf(periodName, req.asOf, drive) };
}

/** Ratios are Σnum ÷ Σden, unrounded (judging compares exactly); amounts and counts Σnum. */
function valueOf(unit: string, num: string | null, den: string | null): string | null {
  if (unit !== 'ratio') return num ?? '0';
  if (num === null || den === null || new Dec(den).isZero()) return null;
  return new Dec(num).div(new Dec(den)).toString();
}

/** The drive that holds the date (the latest launched on or before it). */
export async function driveWindow(
  em: EntityManager,
  tenantId: string,
  asOf: LocalDate,
): Promise<DriveWindow | null> {
  const rows = await em.execute<{ launch_date: string; ends_on: string }[]>(
    `select launch_date::text, ends_on::text from drives
     where tenant_id = ? and launch_date <= ? order by launch_date desc limit 1`,
    [tenantId, asOf],
  );
  return rows[0] ? { startsOn: rows[0].launch_date, endsOn: rows[0].ends_on } : null;
}

/** Manual figures (kpi_inputs) in force on the date, by group id. */
async function planFigures(
  em: EntityManager,
  tenantId: string,
  input: string,
  per: string,
  asOf: LocalDate,
): Promise<Map<string, string>> {
  const rows = await em.execute<{ group_id: string; amount: string }[]>(
    `select distinct on (group_id) group_id, amount::text from kpi_inputs
     where tenant_id = ? and input = ? and group_type = ? and period_start <= ? and period_end >= ?
     order by group_id, period_start desc`,
    [tenantId, input, per, asOf, asOf],
  );
  return new Map(rows.map((r) => [r.group_id, r.amount]));
}
