/** Chinese first (what users read), English available: `?lang=en`. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export type Lang = 'zh' | 'en';

/**
 * A cell: text (always neutralised on output — it may carry a debtor's name), a number (an
 * amount or a count; a number can never be a formula) or empty.
 */
export type Cell = string | number | null | Bilingual;

export interface ReportTable {
  readonly key: string;
  readonly title: Bilingual;
  readonly headers: readonly Bilingual[];
  readonly rows: readonly Cell[][];
  /** Per column: an amount in yuan, shown with two decimals (20,000.00), not as 20000. */
  readonly money?: readonly boolean[];
  /**
   * Per row, per column: an amount in a column that mixes amounts and counts (a targets
   * table's 数值/基数: yuan for 回收完成率, borrowers for 违约率).
   */
  readonly moneyCells?: readonly (readonly boolean[])[];
  /** 合计: the sums of the rows' amounts and counts, written under the rows. */
  readonly total?: readonly Cell[];
  /** A line under the table (the period its figures were measured over). */
  readonly caption?: Bilingual;
}

/** A generated report, independent of its format: the XLSX and HTML writers render this. */
export interface ReportDocument {
  readonly reportId: string;
  readonly names: Bilingual;
  readonly tenantName: string;
  /** names: the pack as the office knows it (the header never shows the pack's id). */
  readonly pack: { readonly id: string; readonly version: string; readonly names?: Bilingual };
  readonly asOf: string;
  readonly period: { readonly key: string; readonly start: string; readonly end: string };
  readonly generatedAt: string;
  /** The tenant's zone: the report shows generatedAt as its local time (议题 11 §8). */
  readonly timeZone?: string;
  readonly tables: readonly ReportTable[];
  /** Parts of the pack's definition the set-based path could not compute. */
  readonly notes: readonly string[];
}

export const text = (t: Bilingual, lang: Lang): string => (lang === 'en' ? t.en : t.zh);

/** A cell as the reader's language shows it; numbers stay numbers. */
export function cellValue(cell: Cell, lang: Lang): string | number | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  return text(cell, lang);
}
