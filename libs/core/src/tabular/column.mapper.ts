import type {
  ColumnMapping,
  ColumnSpec,
  FieldValue,
  MappedRow,
  RowError,
} from './column-mapping.types';
import { compileParser, type CompiledParser } from './field.parsers';
import { TabularHeaderError, type AmbiguousColumn, type MissingColumn } from './tabular.errors';
import { TabularReader } from './tabular.reader';
import type { TabularColumn, TabularRow } from './tabular.types';

interface Binding {
  readonly spec: ColumnSpec;
  readonly parse: CompiledParser;
  /** The file column feeding this field; undefined for an optional field the file lacks. */
  readonly column?: TabularColumn;
}

/**
 * Maps rows to records of canonical fields, parsing each cell, and yields per row either the
 * record or every problem found in it. Before the first row, the headers are checked: missing
 * required columns (or a field matched by several columns) throw a {@link TabularHeaderError}.
 * Rows from {@link readTabular} are checked against the file's header row, so even a file
 * without data rows is checked; for other iterables the first row's keys are the headers.
 * An invalid mapping (no aliases, a field or alias given twice) throws at call time.
 */
export function mapRows(
  rows: AsyncIterable<TabularRow> | Iterable<TabularRow>,
  mapping: ColumnMapping,
): AsyncIterable<MappedRow> {
  assertValidMapping(mapping);
  const compiled = mapping.map((spec) => ({ spec, parse: compileParser(spec.parse) }));
  return (async function* (): AsyncGenerator<MappedRow> {
    const iterator =
      Symbol.asyncIterator in rows
        ? rows[Symbol.asyncIterator]()
        : toAsync(rows[Symbol.iterator]());
    let done = false;
    try {
      let next = await iterator.next();
      const columns =
        (rows instanceof TabularReader ? rows.columns : undefined) ??
        (next.done ? [] : columnsFromKeys(next.value.values));
      const bindings = bindColumns(columns, compiled);
      while (!next.done) {
        yield mapRow(next.value, bindings);
        next = await iterator.next();
      }
      done = true;
    } finally {
      // Closes the underlying file when the consumer stops early or the header check fails.
      if (!done) await iterator.return?.();
    }
  })();
}

/** Header key for alias matching: NFKC (full-width → half-width), no whitespace, lower case. */
export function headerMatchKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function assertValidMapping(mapping: ColumnMapping): void {
  const fields = new Set<string>();
  const aliases = new Map<string, string>();
  for (const spec of mapping) {
    if (fields.has(spec.field))
      throw new Error(`Invalid column mapping: field ${spec.field} is given twice`);
    fields.add(spec.field);
    if (spec.headers.length === 0)
      throw new Error(`Invalid column mapping: field ${spec.field} has no headers`);
    for (const alias of spec.headers) {
      const owner = aliases.get(headerMatchKey(alias));
      if (owner !== undefined && owner !== spec.field) {
        throw new Error(
          `Invalid column mapping: header ${alias} is used by ${owner} and ${spec.field}`,
        );
      }
      aliases.set(headerMatchKey(alias), spec.field);
    }
  }
}

function bindColumns(
  columns: readonly TabularColumn[],
  compiled: readonly { spec: ColumnSpec; parse: CompiledParser }[],
): Binding[] {
  const missing: MissingColumn[] = [];
  const ambiguous: AmbiguousColumn[] = [];
  const bindings = compiled.map(({ spec, parse }): Binding => {
    const keys = new Set(spec.headers.map(headerMatchKey));
    const matches = columns.filter((column) => keys.has(headerMatchKey(column.header)));
    if (matches.length > 1)
      ambiguous.push({ field: spec.field, columns: matches.map((c) => c.header) });
    if (matches.length === 0 && spec.required)
      missing.push({ field: spec.field, headers: spec.headers });
    return { spec, parse, column: matches[0] };
  });
  if (missing.length > 0 || ambiguous.length > 0) throw new TabularHeaderError(missing, ambiguous);
  return bindings;
}

function mapRow(row: TabularRow, bindings: readonly Binding[]): MappedRow {
  const record: Record<string, FieldValue> = {};
  const errors: RowError[] = [];
  for (const { spec, parse, column } of bindings) {
    const raw = column ? (row.values[column.key] ?? '') : '';
    if (!column || raw === '') {
      if (column && spec.required) {
        errors.push(rowError(row, column, spec, raw, 'required value is missing', '必填项为空'));
      }
      record[spec.field] = null;
      continue;
    }
    const result = parse(raw);
    if (result.ok) record[spec.field] = result.value;
    else errors.push(rowError(row, column, spec, raw, result.reason, result.reasonZh));
  }
  return errors.length > 0
    ? { ok: false, rowNumber: row.rowNumber, errors }
    : { ok: true, rowNumber: row.rowNumber, record };
}

function rowError(
  row: TabularRow,
  column: TabularColumn,
  spec: ColumnSpec,
  value: string,
  reason: string,
  reasonZh: string,
): RowError {
  return { row: row.rowNumber, column: column.header, field: spec.field, value, reason, reasonZh };
}

function columnsFromKeys(values: Record<string, string>): TabularColumn[] {
  return Object.keys(values).map((key, index) => ({ index, header: key, key }));
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}
