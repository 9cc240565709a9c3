/** Parsers that need no configuration. */
export type SimpleParserName = 'string' | 'decimal' | 'percent' | 'date' | 'integer' | 'boolean';

/** The closed set of cell parsers; a bare name uses the defaults. */
export type FieldParser =
  | SimpleParserName
  | { readonly type: 'string'; readonly maxLength?: number }
  /** Amount: '1,234.50' → '1234.50', at most `scale` (default 2) decimals, output padded to `scale`. */
  | { readonly type: 'decimal'; readonly scale?: number; readonly allowNegative?: boolean }
  /**
   * Rate: '4.35%' → '0.0435'. A number without '%' is rejected unless `bare` says how to read
   * it: 'fraction' keeps it as is ('0.0435'), 'percent' divides it by 100 ('4.35' → '0.0435').
   */
  | { readonly type: 'percent'; readonly bare?: 'reject' | 'fraction' | 'percent' }
  /** '2026-03-01', '2026/3/1', '2026.3.1', '20260301', '2026年3月1日' → '2026-03-01'. */
  | { readonly type: 'date' }
  | { readonly type: 'integer'; readonly min?: number; readonly max?: number }
  /** `values` maps each accepted label (e.g. '次级') to its canonical value ('substandard'). */
  | { readonly type: 'enum'; readonly values: Readonly<Record<string, string>> }
  /** 是/否, Y/N, yes/no, true/false (any case) → true/false. */
  | { readonly type: 'boolean' };

export interface ColumnSpec {
  /** Canonical English field name, the key in the mapped record. */
  readonly field: string;
  /** Accepted header aliases, e.g. ['身份证号', '证件号码', 'ID number']. */
  readonly headers: readonly string[];
  /** The column must exist in the file and every row must give a value. */
  readonly required: boolean;
  readonly parse: FieldParser;
}

export type ColumnMapping = readonly ColumnSpec[];

/** decimal, percent, date, string and enum give strings; integer a number; boolean a boolean; empty cells null. */
export type FieldValue = string | number | boolean | null;

export interface RowError {
  /** Row number as the user sees it in Excel (header = 1). */
  readonly row: number;
  /** The header as it appears in the file. */
  readonly column: string;
  /** Canonical field name. */
  readonly field: string;
  /** The offending cell text. */
  readonly value: string;
  readonly reason: string;
  readonly reasonZh: string;
}

export type MappedRow =
  | { readonly ok: true; readonly rowNumber: number; readonly record: Record<string, FieldValue> }
  | { readonly ok: false; readonly rowNumber: number; readonly errors: readonly RowError[] };

export type ParseResult =
  | { readonly ok: true; readonly value: FieldValue }
  | { readonly ok: false; readonly reason: string; readonly reasonZh: string };
