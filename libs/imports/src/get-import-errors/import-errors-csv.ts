import { RowError, writeErrorReportCsv } from '../support/tabular';
import { TenantTx } from '@qingshou/db';
import type { Writable } from 'node:stream';

const PAGE = 5000;

/**
 * The stored row errors, in file order, a page per short transaction (keyset on row, seq):
 * a million-row report streams without holding it or a long transaction open.
 */
export async function* importRowErrors(
  tx: TenantTx,
  tenantId: string,
  importId: string,
): AsyncGenerator<RowError> {
  let after = { row: 0, seq: 0 };
  for (;;) {
    const page = await tx.run(tenantId, (em) =>
      em.execute<
        {
          row_no: number;
          seq: number;
          column_name: string;
          field: string | null;
          value: string;
          reason: string;
          reason_zh: string;
        }[]
      >(
        `select row_no, seq, column_name, field, value, reason, reason_zh
         from import_row_errors
         where tenant_id = ? and import_id = ? and (row_no, seq) > (?, ?)
         order by row_no, seq limit ${PAGE}`,
        [tenantId, importId, after.row, after.seq],
      ),
    );
    for (const e of page) {
      yield {
        row: e.row_no,
        column: e.column_name,
        field: e.field ?? '',
        value: e.value,
        reason: e.reason,
        reasonZh: e.reason_zh,
      };
    }
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { row: last.row_no, seq: last.seq };
  }
}

/** UTF-8 with BOM, CRLF, 行号,列,值,原因, formula-like cells neutralised (core's writer). */
export function writeImportErrorsCsv(
  tx: TenantTx,
  tenantId: string,
  importId: string,
  out: Writable,
): Promise<void> {
  return writeErrorReportCsv(importRowErrors(tx, tenantId, importId), out);
}
