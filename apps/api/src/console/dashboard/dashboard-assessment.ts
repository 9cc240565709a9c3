import type { AssessmentView } from '@qingshou/outcomes';
import type { Lang } from '../http/session';
import { breakdownName, nameIn, STATUS_BADGE } from './dashboard-model';

type T = (key: string, values?: Record<string, unknown>) => string;
type Named = { readonly zh?: string; readonly en?: string } | null | undefined;

const BOUND_KEYS = {
  max: 'dashboard.boundMax',
  min: 'dashboard.boundMin',
  band: 'dashboard.boundBand',
};

/**
 * 年度考核 (篇二/七) on the leader's dashboard: per report, a table per breakdown (全单位, 按学校,
 * 按毕业年份) with each target's figure, its verdict and gap, and the report's other measures.
 */
export function assessmentModel(lang: Lang, t: T, view: AssessmentView, collectorTitle?: Named) {
  return view.reports.map((report) => {
    const columns = report.columns.map((c) => {
      const name = nameIn(lang, c.names, c.key);
      const bound = c.bound ? t(BOUND_KEYS[c.bound.side], { value: c.bound.display }) : null;
      return {
        heading: bound ? `${name}（${bound}）` : name,
        target: c.bound !== null,
        money: c.unit === 'amount',
      };
    });
    return {
      id: report.id,
      title: nameIn(lang, report.names, report.id),
      period: report.period,
      bounds: report.columns
        .filter((c) => c.bound)
        .map(
          (c) =>
            `${nameIn(lang, c.names, c.key)} ${t(BOUND_KEYS[c.bound!.side], { value: c.bound!.display })}`,
        ),
      columns,
      sections: report.sections.map((s) => ({
        groupType: s.groupType,
        heading: breakdownName(lang, t, s.groupType, collectorTitle),
        rows: s.rows.map((r) => ({
          group: r.groupName,
          cells: r.cells.map((cell, i) => ({
            value: cell.display,
            heading: columns[i].heading,
            money: columns[i].money,
            target: columns[i].target,
            status: cell.status ?? null,
            badge: cell.status ? (STATUS_BADGE[cell.status] ?? '') : '',
            gap: cell.gapDisplay ?? null,
          })),
        })),
      })),
    };
  });
}
