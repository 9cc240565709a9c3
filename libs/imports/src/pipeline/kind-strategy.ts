import { headerMatchKey, TabularReader } from '../support/tabular';
import type { LocalDate, PackTerms } from '@qingshou/ledger';
import type { ImportMapping } from '../domain/import-mapping';
import type { ImportKind } from '../domain/import-vocabulary';
import type { MergeContext, MergeResult } from '../merge/merge-context';
import { mergeAccounts } from '../merge/merge-accounts';
import { mergeCases } from '../merge/merge-cases';
import { mergePayments } from '../merge/merge-payments';
import { AccountRowBuilder, BuiltRow } from '../rows/account-row';
import { PaymentRowBuilder } from '../rows/payment-row';
import { AccountChunkRules, ChunkRules } from '../rows/chunk-rules';
import type { HeaderOf } from '../rows/row-context';
import type { StageColumn } from '../staging/copy-text';
import {
  ACCOUNT_STAGE,
  ACCOUNT_STAGE_COLUMNS,
  ACCOUNT_STAGE_FLAGS,
  PAYMENT_STAGE,
  PAYMENT_STAGE_COLUMNS,
} from '../staging/stage-tables';

export interface RowBuilder {
  build(rowNumber: number, record: Parameters<AccountRowBuilder['build']>[1]): BuiltRow;
}

/** What differs between kinds: the stage table, the row builder and the merge. */
export interface KindStrategy {
  readonly stage: string;
  readonly columns: readonly StageColumn[];
  readonly flags: string;
  /** `terms`: the tenant's active pack terms, read once when the import starts. */
  builder(
    mapping: ImportMapping,
    today: LocalDate,
    headerOf: HeaderOf,
    terms?: PackTerms,
  ): RowBuilder;
  /** Fresh for every chunk: rules across the chunk's rows (repeated debtors and references). */
  chunkRules?(headerOf: HeaderOf): ChunkRules;
  merge(ctx: MergeContext): Promise<MergeResult>;
}

const ACCOUNTS: KindStrategy = {
  stage: ACCOUNT_STAGE,
  columns: ACCOUNT_STAGE_COLUMNS,
  flags: ACCOUNT_STAGE_FLAGS,
  builder: (mapping, today, headerOf, terms) =>
    new AccountRowBuilder(mapping, today, headerOf, terms),
  chunkRules: (headerOf) => new AccountChunkRules(headerOf),
  merge: mergeAccounts,
};

export const KIND_STRATEGIES: Readonly<Record<ImportKind, KindStrategy>> = {
  accounts: ACCOUNTS,
  cases: { ...ACCOUNTS, merge: mergeCases },
  payments: {
    stage: PAYMENT_STAGE,
    columns: PAYMENT_STAGE_COLUMNS,
    flags: '',
    builder: (_mapping, today, headerOf) => new PaymentRowBuilder(today, headerOf),
    merge: mergePayments,
  },
};

/**
 * The file's header for each canonical field, for the report. Known once the reader has read
 * the header row; before that (or for a field the file lacks) the first alias stands in.
 */
export function headerBinding(reader: TabularReader, mapping: ImportMapping): HeaderOf {
  let bound: Map<string, string> | undefined;
  return (field) => {
    if (!bound && reader.columns) {
      bound = new Map();
      for (const spec of mapping.columns) {
        const keys = new Set(spec.headers.map(headerMatchKey));
        const column = reader.columns.find((c) => keys.has(headerMatchKey(c.header)));
        if (column) bound.set(spec.field, column.header);
      }
    }
    return bound?.get(field) ?? mapping.columns.find((c) => c.field === field)?.headers[0] ?? field;
  };
}
