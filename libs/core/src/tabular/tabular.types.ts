import type { Readable } from 'node:stream';

/** File formats the reader understands. */
export type TabularFormat = 'csv' | 'xlsx';

/** Text encodings a CSV may be forced to; `gbk`/`gb2312` are decoded as their superset GB18030. */
export type TextEncodingName = 'utf8' | 'utf-8' | 'gbk' | 'gb2312' | 'gb18030';

/** Where the rows come from: a file on disk, or a stream whose format must be stated. */
export type TabularSource =
  { path: string; format?: TabularFormat } | { stream: Readable; format: TabularFormat };

export interface ReadTabularOptions {
  /** Overrides encoding detection (CSV only). */
  encoding?: TextEncodingName;
  /** CSV field delimiter; default ',' ('\t' for .tsv files). */
  delimiter?: string;
  /** XLSX worksheet name; default the first visible worksheet. */
  sheet?: string;
  /**
   * 1-based row holding the headers (for files with a title row above them).
   * Default: the first non-empty row.
   */
  headerRow?: number;
  /** Longest accepted CSV record, in characters (guards against a runaway quote). Default 1 MB. */
  maxRecordSize?: number;
}

/** One column of the header row. */
export interface TabularColumn {
  /** 0-based position in the file. */
  readonly index: number;
  /** Header text as it appears in the file (trimmed, BOM and full-width spaces removed). */
  readonly header: string;
  /** Key of this column in {@link TabularRow.values}; equals `header` unless the header repeats. */
  readonly key: string;
}

export interface TabularRow {
  /** Row number as the user sees it in Excel: the header is row 1, the first data row is row 2. */
  readonly rowNumber: number;
  /** Trimmed cell text keyed by column key; every column is present ('' when empty). */
  readonly values: Record<string, string>;
}
