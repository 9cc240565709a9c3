/** Base class of every error raised by the tabular reader. */
export class TabularError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The file cannot be read as the stated format (unsupported type, malformed CSV, broken XLSX). */
export class TabularFormatError extends TabularError {
  constructor(
    message: string,
    messageZh: string,
    /** 1-based row where the problem was found, when known. */
    readonly rowNumber?: number,
  ) {
    super(message, messageZh);
  }
}

/** The bytes are not valid in the detected or requested encoding. */
export class TabularEncodingError extends TabularError {}

/** A required column that the file lacks, with the header aliases that would have matched. */
export interface MissingColumn {
  readonly field: string;
  readonly headers: readonly string[];
}

/** A field matched by more than one column of the file. */
export interface AmbiguousColumn {
  readonly field: string;
  readonly columns: readonly string[];
}

/** File-level header problems, reported once before any row. */
export class TabularHeaderError extends TabularError {
  constructor(
    readonly missing: readonly MissingColumn[],
    readonly ambiguous: readonly AmbiguousColumn[] = [],
  ) {
    const en = [
      ...missing.map(
        (m) => `missing required column ${m.field} (expected one of: ${m.headers.join(', ')})`,
      ),
      ...ambiguous.map((a) => `column ${a.field} is ambiguous (matched: ${a.columns.join(', ')})`),
    ];
    const zh = [
      ...missing.map((m) => `缺少必填列（可用表头：${m.headers.join('、')}）`),
      ...ambiguous.map((a) => `多列对应同一字段（${a.columns.join('、')}）`),
    ];
    super(`Header check failed: ${en.join('; ')}`, `表头校验未通过：${zh.join('；')}`);
  }
}
