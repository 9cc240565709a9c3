import type { RowError } from '../support/tabular';
import type { StageRow } from './account-row';
import type { HeaderOf } from './row-context';

/** Rules across the rows of one chunk, applied in Node before COPY (one Map lookup a row). */
export interface ChunkRules {
  /** Adjusts the row to earlier rows of the chunk, or refuses it. */
  admit(row: StageRow): RowError | null;
}

/**
 * Within a chunk, rows of the same debtor (身份证号) share one debtor id and only the first
 * creates it; a repeated account reference shares the first row's account, and is refused
 * if it disagrees with it. Done here rather than with DISTINCT ON in SQL: sorting the
 * chunk twice cost more than the rest of the merge's bookkeeping.
 */
export class AccountChunkRules implements ChunkRules {
  private readonly debtors = new Map<string, string>();
  private readonly accounts = new Map<
    string,
    { accountId: string; idNumber: string; principal: string; row: number }
  >();

  constructor(private readonly headerOf: HeaderOf) {}

  admit(row: StageRow): RowError | null {
    const ref = String(row.external_ref);
    const idNumber = String(row.id_number);
    const first = this.accounts.get(ref);
    if (first) {
      if (first.idNumber !== idNumber || first.principal !== row.principal) {
        return {
          row: Number(row.row_no),
          column: this.headerOf('externalRef'),
          field: 'externalRef',
          value: ref,
          reason: `reference repeats row ${first.row} of this file with other data; row not applied`,
          reasonZh: `该编号与本文件第 ${first.row} 行重复且内容不同，本行未导入`,
        };
      }
      row.account_id = first.accountId;
      row.account_repeat = true;
    } else {
      this.accounts.set(ref, {
        accountId: String(row.account_id),
        idNumber,
        principal: String(row.principal),
        row: Number(row.row_no),
      });
    }
    const debtorId = this.debtors.get(idNumber);
    if (debtorId) {
      row.debtor_id = debtorId;
      row.debtor_first = false;
    } else {
      this.debtors.set(idNumber, String(row.debtor_id));
      row.debtor_first = true;
    }
    return null;
  }
}
