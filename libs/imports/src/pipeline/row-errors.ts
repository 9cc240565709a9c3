import type { RowError } from '../support/tabular';
import type { PoolClient } from 'pg';

const MAX_VALUE = 500;

/**
 * Stores a chunk's row errors in its own transaction, so the report and the committed rows
 * always agree. One statement with array parameters, whatever the number of errors.
 */
export async function insertRowErrors(
  client: PoolClient,
  tenantId: string,
  importId: string,
  errors: readonly RowError[],
): Promise<void> {
  if (errors.length === 0) return;
  const seqOf = new Map<number, number>();
  const rows: number[] = [];
  const seqs: number[] = [];
  const columns: string[] = [];
  const fields: (string | null)[] = [];
  const values: string[] = [];
  const reasons: string[] = [];
  const reasonsZh: string[] = [];
  for (const error of errors) {
    const seq = (seqOf.get(error.row) ?? 0) + 1;
    seqOf.set(error.row, seq);
    rows.push(error.row);
    seqs.push(seq);
    columns.push(error.column);
    fields.push(error.field ?? null);
    values.push(error.value.slice(0, MAX_VALUE));
    reasons.push(error.reason);
    reasonsZh.push(error.reasonZh);
  }
  await client.query(
    `insert into import_row_errors (tenant_id, import_id, row_no, seq, column_name, field, value,
       reason, reason_zh)
     select $1::uuid, $2::uuid, e.*
     from unnest($3::int[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[]) as e`,
    [tenantId, importId, rows, seqs, columns, fields, values, reasons, reasonsZh],
  );
}

/** Rows with at least one error: a row counts once however many of its cells are wrong. */
export function failedRowCount(errors: readonly RowError[]): number {
  return new Set(errors.map((e) => e.row)).size;
}
