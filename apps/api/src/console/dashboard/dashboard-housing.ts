import { QueryBus } from '@nestjs/cqrs';
import { hasPermission, viewerOf } from '@qingshou/core';
import { GetKpiInputs, KpiInputName, KpiInputsView } from '@qingshou/outcomes';
import { METRICS, type MetricName, type PackData } from '@qingshou/policy';
import {
  ContributionArrears,
  GetContributionArrears,
} from '../queries/get-contribution-arrears/get-contribution-arrears.query';
import type { PageContext } from '../render/page-context';

/** Rows shown of the employers in arrears; the 停缴单位名单 report lists them all. */
const MAX_EMPLOYERS = 12;

/** The figures the office enters for the pack's yearly targets (kpi_inputs), in order. */
export function officeInputs(spec: PackData): KpiInputName[] {
  const inputs = new Set<string>();
  for (const target of spec.targets) {
    if (target.period !== 'year') continue;
    const entry = METRICS[target.metric as MetricName];
    if (entry && 'plan' in entry && entry.plan) inputs.add(entry.plan.input);
    if (entry && 'opening' in entry && entry.opening) inputs.add(entry.opening.input);
  }
  // The plan, then what was recovered before the book, then the deposit balance.
  const order: KpiInputName[] = ['recovery-plan', 'recovered-opening', 'deposit-balance'];
  return order.filter((i) => inputs.has(i));
}

/** The pack's own figure behind each input (annualRecoveryPlan, depositBalance), if any. */
function packDefaults(spec: PackData): Map<string, string> {
  const out = new Map<string, string>();
  for (const target of spec.targets) {
    const entry = METRICS[target.metric as MetricName];
    const plan = entry && 'plan' in entry ? entry.plan : undefined;
    const value = plan ? (target.args as Record<string, unknown> | undefined)?.[plan.arg] : null;
    if (plan && (typeof value === 'string' || typeof value === 'number')) {
      out.set(plan.input, String(value));
    }
  }
  return out;
}

/**
 * 篇九's own panel: the figures the office entered for the year (plan, recovered before the
 * book, deposit balance) with a link to enter them, and the employers' contribution arrears
 * (停缴单位, 停缴月数, 欠缴金额). Null for a pack with neither.
 */
export async function officeFiguresPanel(queries: QueryBus, page: PageContext, spec: PackData) {
  const meta = page.meta();
  const inputs = officeInputs(spec);
  const contributions = spec.accountTypes.includes('employer-contribution');
  if (inputs.length === 0 && !contributions) return null;
  const entered = inputs.length
    ? await queries.execute<GetKpiInputs, KpiInputsView>(new GetKpiInputs(meta))
    : null;
  const arrears = contributions
    ? await queries.execute<GetContributionArrears, ContributionArrears>(
        new GetContributionArrears(meta),
      )
    : null;
  const defaults = packDefaults(spec);
  return {
    figures: inputs.map((input) => {
      const figure = entered?.figures.find((f) => f.input === input) ?? null;
      return {
        input,
        amount: figure?.amount ?? null,
        from: figure?.periodStart ?? null,
        fallback: defaults.get(input) ?? null,
      };
    }),
    canEnter: inputs.length > 0 && hasPermission(viewerOf(meta), 'kpi.input'),
    arrears: arrears && {
      ...arrears,
      rows: arrears.rows.slice(0, MAX_EMPLOYERS),
      more: Math.max(0, arrears.rows.length - MAX_EMPLOYERS),
    },
  };
}
