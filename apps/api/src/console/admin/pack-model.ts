import type { ResolvedPack } from '@qingshou/policy';
import type { DryRunReport } from '@qingshou/engine';
import type { Lang } from '../http/session';
import { nameIn } from '../dashboard/dashboard-model';
import { translate } from '../i18n/i18n';
import { parameterValue } from './parameter-value';

/** Rows of each dry-run list shown on the page; the totals say how many there are. */
const SHOWN = 50;

/** Each parameter with its effective value, whether the tenant set it, and its meaning. */
export function parameterRows(lang: Lang, pack: ResolvedPack) {
  return pack.spec.parameters.map((p) => {
    const description = nameIn(lang, p.description as { zh?: string; en?: string } | undefined, '');
    return {
      name: p.name,
      // Named by its meaning (长时间拖欠提请司法程序的逾期天数), not its camelCase name.
      label: description || translate(lang, 'admin.pack.unnamedParam'),
      type: p.type,
      value: parameterValue(lang, p.type, pack.params[p.name]),
      overridden: Object.prototype.hasOwnProperty.call(pack.overrides, p.name),
      description,
    };
  });
}

const short = (id: string | null) => (id ? id.slice(0, 8) : '—');

/** The dry-run report as tables: counts per stage, then the first rows of each list. */
export function dryRunModel(report: DryRunReport) {
  const stages = Object.entries(report.stageCounts)
    .map(([stage, count]) => ({ stage, count }))
    .sort((a, b) => b.count - a.count);
  return {
    asOf: report.asOf,
    pack: report.pack,
    current: report.current,
    evaluated: report.evaluated,
    tasksCancelled: report.tasksCancelled,
    totals: report.totals,
    stages,
    stageChanges: report.stageChanges
      .slice(0, SHOWN)
      .map((c) => ({ ...c, caseShort: short(c.caseId) })),
    tasks: report.tasks.slice(0, SHOWN).map((t) => ({ ...t, caseShort: short(t.caseId) })),
    notices: report.notices.slice(0, SHOWN).map((n) => ({ ...n, caseShort: short(n.caseId) })),
    approvals: report.approvals.slice(0, SHOWN).map((a) => ({ ...a, caseShort: short(a.caseId) })),
    errors: report.errors.slice(0, SHOWN),
    shown: SHOWN,
  };
}
