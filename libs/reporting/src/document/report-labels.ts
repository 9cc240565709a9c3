import { REPORT_COLUMNS } from '@qingshou/policy';
import type { Bilingual } from './report-document';

/** Headers of the KPI tables, in the pack's report vocabulary where it has the word. */
export const KPI_HEADERS = {
  metric: { zh: '指标', en: 'Measure' },
  breakdown: { zh: '统计口径', en: 'Breakdown' },
  // A row may be the whole office, a collector or a village: what is measured, not 所属单位/村/学校.
  group: { zh: '统计对象', en: 'Measured' },
  target: REPORT_COLUMNS.target,
  actual: REPORT_COLUMNS.actual,
  gap: REPORT_COLUMNS.gap,
  status: REPORT_COLUMNS.status,
  // The office's words for the two figures a rate is made of (not 分子/分母).
  numerator: { zh: '数值', en: 'Figure' },
  denominator: { zh: '基数', en: 'Base' },
  period: { zh: '统计期间', en: 'Period' },
} satisfies Record<string, Bilingual>;

export const STATUS_LABELS: Record<string, Bilingual> = {
  met: { zh: '达标', en: 'Met' },
  'at-risk': { zh: '有风险', en: 'At risk' },
  missed: { zh: '未达标', en: 'Missed' },
  'no-data': { zh: '无数据', en: 'No data' },
};

const BREAKDOWNS: Record<string, Bilingual> = {
  tenant: { zh: '全单位', en: 'Whole tenant' },
  collector: { zh: '催收人员', en: 'Collector' },
  team: { zh: '小组', en: 'Team' },
  school: { zh: '学校', en: 'School' },
  cohort: { zh: '届别', en: 'Cohort' },
  village: { zh: '村', en: 'Village' },
  branch: { zh: '网点', en: 'Branch' },
  region: { zh: '区域', en: 'Region' },
  employer: { zh: '单位', en: 'Employer' },
  dealer: { zh: '经销商', en: 'Dealer' },
};

/** A breakdown's name; the collector one in the pack's word for its case holders (业务员). */
export function breakdownLabel(groupType: string, collectorTitle?: Bilingual | null): Bilingual {
  if (groupType === 'collector' && collectorTitle) return collectorTitle;
  return BREAKDOWNS[groupType] ?? { zh: groupType, en: groupType };
}

export function columnLabel(column: string): Bilingual {
  return (REPORT_COLUMNS as Record<string, Bilingual>)[column] ?? { zh: column, en: column };
}
