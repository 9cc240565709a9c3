import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { type DpdBand, type LoanClass, maskIdNumber } from '@qingshou/ledger';
import { BREAKDOWN_KINDS_FOR_LIST, type ReportData } from './report-data';
import type { Cell, ReportTable } from './report-document';
import { breakdownLabel, columnLabel } from './report-labels';
import type { ReportMasking } from './report-masking';
import { totalRow } from './table-total';
import { listColumnSql, MONEY_COLUMNS, NUMERIC_COLUMNS } from './list-columns.sql';
import {
  ACCOUNT_STATE_CTES,
  compileCondition,
  conditionOptions,
  K_CTE,
  kParams,
  type PinnedPack,
  subjectsCte,
} from '@qingshou/outcomes';

export interface ListContext {
  readonly tenantId: string;
  readonly timeZone: string;
  readonly pack: PinnedPack;
  readonly masking: ReportMasking;
}

/** Days, months and installments overdue are per row; adding them up says nothing. */
const NOT_SUMMED = new Set([
  'dpd',
  'consecutiveOverdue',
  'cumulativeOverdue',
  'monthsStopped',
  'planCount',
]);

/** Columns that name a debtor or an account: a report listing them is a list report. */
const ROW_COLUMNS = new Set(['debtorName', 'accountRef', 'debtorIdMasked']);

export function hasList(report: ReportData): boolean {
  return report.list !== undefined || report.columns.some((c) => ROW_COLUMNS.has(c));
}

/**
 * The rows of a list report in one statement: the subjects (debtors, or accounts for
 * `of: accounts`) for which the pack's condition holds as of the date — compiled to SQL by
 * the same compiler flags and drives use — with the pack's columns. `of: cases` and a
 * report with row columns but no `list` take the debtors with a live case; `of: flags`
 * the subjects carrying the flag. Grouped by the report's first group breakdown.
 */
export async function listTable(
  em: EntityManager,
  ctx: ListContext,
  report: ReportData,
  asOf: LocalDate,
  periodStart: LocalDate,
): Promise<{ table: ReportTable; problems: string[] }> {
  const list = report.list ?? { of: 'cases' };
  const subject = list.of === 'accounts' ? 'account' : 'debtor';
  const condition = list.of === 'flags' && list.flag ? { flag: { id: list.flag } } : list.when;
  const compiled = compileCondition(condition ?? {}, conditionOptions(ctx.pack));
  const liveCase = list.of === 'cases' ? 'and lc.closed_on is null' : '';
  const groupType =
    report.per.find((p) => !(BREAKDOWN_KINDS_FOR_LIST as readonly string[]).includes(p)) ?? null;
  if (groupType !== null && !/^[a-z][a-z0-9-]{0,31}$/.test(groupType)) {
    throw new Error(`bad group type ${groupType}`);
  }
  const bands = ctx.pack.spec.classification?.loanClassBands as DpdBand<LoanClass>[] | undefined;
  const problems = [...compiled.problems];
  const columns = report.columns;
  for (const c of columns) {
    if (listColumnSql(c, groupType, bands) === null) problems.push(`${c}: no data source yet`);
  }
  const reasons = ctx.pack.spec.reasonCodes?.codes ?? [];
  const stages = (ctx.pack.spec.stages ?? []).map((st) => ({
    code: st.id,
    zh: st.names?.zh ?? st.id,
  }));
  const selects = columns.map(
    (c, i) => `${listColumnSql(c, groupType, bands, reasons, stages) ?? 'null'} as c${i}`,
  );
  // Grouped by the first group breakdown; a report per collector lists each collector's rows
  // together (篇八: the weekly report to the bank has one section per collector).
  const groupSort = groupType
    ? `${listColumnSql('group', groupType, bands)} nulls last,`
    : report.per.includes('collector')
      ? `${listColumnSql('collector', null, bands)} nulls last,`
      : '';
  const rows = await em.execute<Record<string, unknown>[]>(
    `with ${K_CTE}, ${ACCOUNT_STATE_CTES}, ${subjectsCte(subject)}
     select ${selects.join(',\n       ')}
     from subj s cross join k
     join debtors d on d.tenant_id = k.tenant_id and d.id = s.debtor_id
     left join lateral (
       select c.* from cases c
       where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id and c.opened_on <= k.as_of
       order by (c.closed_on is null) desc, c.opened_on desc, c.created_at desc limit 1
     ) lc on true
     where ${compiled.sql} ${list.of === 'cases' ? 'and lc.id is not null' : ''} ${liveCase}
     order by ${groupSort} s.dpd desc, d.name, s.debtor_id, s.account_id`,
    kParams({
      tenantId: ctx.tenantId,
      asOf,
      periodStart,
      timeZone: ctx.timeZone,
      thresholdDays: 0,
      accountTypes: ctx.pack.spec.accountTypes,
      groupType: groupType ?? '',
    }),
  );
  const cells = rows.map((row) =>
    columns.map((c, i): Cell => {
      const value = row[`c${i}`];
      if (value === null || value === undefined) return null;
      if (c === 'debtorIdMasked') return maskIdNumber(String(value));
      if (c === 'accountRef') return ctx.masking.accountRefs(String(value));
      if (NUMERIC_COLUMNS.has(c)) return Number(value);
      return String(value);
    }),
  );
  return {
    table: {
      key: 'list',
      // Under the report's targets and measures the list is its 明细 (篇九: the stopped employers).
      title:
        report.targets.length || report.metrics.length
          ? { zh: `${report.names.zh}（明细）`, en: `${report.names.en} (details)` }
          : report.names,
      // 所属单位/村/学校 says which group it is when the report names one (村, 学校).
      headers: columns.map((c) =>
        c === 'group' && groupType ? breakdownLabel(groupType) : columnLabel(c),
      ),
      rows: cells,
      money: columns.map((c) => MONEY_COLUMNS.has(c)),
      total: totalRow(
        cells,
        columns.map((c) => NUMERIC_COLUMNS.has(c) && !NOT_SUMMED.has(c)),
      ),
    },
    problems: [...new Set(problems)],
  };
}
