import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { type MetricContext, MetricCalculator, rateGroups } from '@qingshou/outcomes';
import type { Bilingual, Cell, ReportTable } from './report-document';
import { breakdownLabel } from './report-labels';
import type { ReportData } from './report-data';

const percent = (v: string | undefined): string =>
  v === undefined ? '' : `${(Number(v) * 100).toFixed(2)}%`;

/**
 * 第二篇 "10%以内村，将优先评信用村": the report that lists a rating's measure per group (the
 * co-op's 各村不良贷款率及信用村评定) carries the verdict beside it — 信用村达标 / 不达标 — judged
 * exactly as GET /ratings judges it (rateGroups, unrounded: 10.00% holds, 10.01% does not).
 */
export async function ratingTables(
  em: EntityManager,
  calculator: MetricCalculator,
  ctx: MetricContext,
  report: ReportData,
  asOf: LocalDate,
): Promise<ReportTable[]> {
  const measured = new Set(report.metrics.map((m) => m.metric));
  const tables: ReportTable[] = [];
  for (const rating of ctx.pack.spec.ratings) {
    if (!report.per.includes(rating.groupType)) continue;
    if (!rating.criteria.some((c) => measured.has(c.metric))) continue;
    const name = rating.names as Bilingual;
    const groups = await rateGroups(em, calculator, ctx, rating, asOf);
    const rows: Cell[][] = groups.map((g) => [
      g.groupName,
      g.criteria.map((c) => c.display ?? '—').join(' / '),
      g.criteria
        .map((c) =>
          c.bound.max !== undefined ? `≤ ${percent(c.bound.max)}` : `≥ ${percent(c.bound.min)}`,
        )
        .join(' / '),
      g.granted
        ? { zh: `${name.zh}达标`, en: `${name.en}: met` }
        : { zh: `${name.zh}不达标`, en: `${name.en}: not met` },
    ]);
    const granted = groups.filter((g) => g.granted).length;
    tables.push({
      key: `rating-${rating.id}`,
      title: { zh: `${name.zh}评定`, en: `${name.en} rating` },
      headers: [
        breakdownLabel(rating.groupType),
        { zh: '实际值', en: 'Actual' },
        { zh: '评定标准', en: 'Criterion' },
        { zh: '评定结果', en: 'Verdict' },
      ],
      rows,
      caption: {
        zh: `${asOf} 共 ${groups.length} 个，${name.zh}达标 ${granted} 个、不达标 ${groups.length - granted} 个`,
        en: `${asOf}: ${granted} of ${groups.length} met`,
      },
    });
  }
  return tables;
}
