/**
 * Helpers of the set-based writers: one bound parameter per list of ids, and multi-row
 * VALUES lists, so a statement's text stays fixed whatever the size of the set.
 */

/** Rows per multi-row statement: well under PostgreSQL's 65 535 bind parameters. */
export const WRITE_BATCH = 1000;

export function inBatches<T>(list: readonly T[], size = WRITE_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * A PostgreSQL array literal for `= any(?::uuid[])` / `?::text[]` (knex would spread a JS
 * array); null elements stay NULL.
 */
export function pgList(values: readonly (string | null)[]): string {
  const item = (v: string | null) =>
    v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(item).join(',')}}`;
}

/** `(?, ?), (?, ?)` for `rows` rows of `width` columns, with optional casts per column. */
export function valuesRows(rows: number, width: number, cast: readonly string[] = []): string {
  const one = `(${Array.from({ length: width }, (_, i) => `?${cast[i] ?? ''}`).join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}
