/** A staging column: its name and PostgreSQL type, in COPY order. */
export interface StageColumn {
  readonly name: string;
  readonly type: string;
}

export type StageValue = string | number | boolean | null | readonly (string | null)[];

type Encoder = (value: StageValue | undefined) => string;

const SPECIAL = /[\\\n\r\t]/;

/** COPY text format: backslash, newline, carriage return and tab are escaped; NULL is \N. */
export function copyEscape(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/** An array literal; text elements are always quoted so commas, braces and NULL stay data. */
function arrayLiteral(values: readonly (string | null)[], quote: boolean): string {
  const items = values.map((v) => {
    if (v === null) return 'NULL';
    return quote ? `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"` : v;
  });
  return `{${items.join(',')}}`;
}

function encoderFor(type: string): Encoder {
  if (type.endsWith('[]')) {
    const quote = type.startsWith('text');
    // An empty list travels as NULL (unnest and cardinality treat both alike): most rows have
    // no receipts or groups, and parsing '{}' in COPY costs as much as a short array.
    return (value) =>
      value === null || value === undefined || (value as readonly unknown[]).length === 0
        ? '\\N'
        : copyEscape(arrayLiteral(value as readonly (string | null)[], quote));
  }
  if (type === 'boolean') {
    return (value) => (value === null || value === undefined ? '\\N' : value ? 't' : 'f');
  }
  return (value) => (value === null || value === undefined ? '\\N' : copyEscape(String(value)));
}

/**
 * Turns stage rows into COPY text lines. The encoders are built once per table, so the
 * per-row cost is a string join: at a million rows this loop is on the critical path.
 */
export class CopyLineEncoder {
  private readonly encoders: readonly { name: string; encode: Encoder }[];

  constructor(readonly columns: readonly StageColumn[]) {
    this.encoders = columns.map((c) => ({ name: c.name, encode: encoderFor(c.type) }));
  }

  line(row: Readonly<Record<string, StageValue | undefined>>): string {
    // join() yields one flat string; `+=` per cell would leave a rope of ~60 nodes per row.
    const cells = new Array<string>(this.encoders.length);
    for (let i = 0; i < this.encoders.length; i++) {
      const { name, encode } = this.encoders[i];
      cells[i] = encode(row[name]);
    }
    return cells.join('\t') + '\n';
  }

  get columnList(): string {
    return this.columns.map((c) => c.name).join(', ');
  }
}

/** `create temp table … on commit drop`: no WAL, no RLS, gone with the chunk's transaction. */
export function tempTableSql(name: string, columns: readonly StageColumn[], extra = ''): string {
  const body = columns.map((c) => `${c.name} ${c.type}`).join(', ');
  return `create temp table ${name} (${body}${extra ? `, ${extra}` : ''}) on commit drop`;
}
