/**
 * A PostgreSQL array literal for `= any(?::uuid[])` / `?::text[]`: one bound parameter
 * however many ids a chunk holds, so statements stay set-based and their text stays fixed.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Groups rows by a key column, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row insert of `rows` rows of `width` columns. */
export function valuesList(rows: number, width: number, cast: readonly string[] = []): string {
  const one = `(${Array.from({ length: width }, (_, i) => `?${cast[i] ?? ''}`).join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}
