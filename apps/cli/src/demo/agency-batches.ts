import { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '@qingshou/calendar';
import { DEFAULT_MAPPINGS, emptyCounts } from '@qingshou/imports';
import { createHash, randomUUID } from 'node:crypto';
import { insertRows } from './portfolio-writer';

/**
 * 篇八 委托批次: the bank hands the agency its cases in monthly files, and the agency reports
 * recovery per batch. Days before today the first two batches arrived; the newest arrived
 * early this month (inside the dashboard's charts, so it shows as a named cause, 导入 N 户),
 * and its first calls keep this month's 时限达标率 from reading 无数据.
 */
const OLDER_BATCHES_DAYS_AGO = [52, 22] as const;
/** A bank hands over an account from M2 on (31 days past due). */
const HANDOVER_DPD = 31;
export interface DemoBatch {
  readonly id: string;
  readonly fileName: string;
  /** 委案日期: the cases of the batch open that day. */
  readonly date: string;
}

/** The batches as of `today`, oldest first, named as the bank names its files. */
export function demoBatches(today: string): DemoBatch[] {
  const dayOfMonth = Number(today.slice(8, 10));
  const newest = Math.min(5, dayOfMonth - 1);
  return [...OLDER_BATCHES_DAYS_AGO, newest].map((daysAgo, i) => {
    const date = addDays(today, -daysAgo);
    return { id: randomUUID(), fileName: `${date.slice(0, 7)}委案第${i + 1}批.xlsx`, date };
  });
}

/** The first batch on whose date the account was past M2; the newest batch for the rest. */
export function batchFor(batches: readonly DemoBatch[], behindSince: string): DemoBatch {
  const handedOverFrom = addDays(behindSince, HANDOVER_DPD - 1);
  return batches.find((b) => b.date >= handedOverFrom) ?? batches[batches.length - 1];
}

/**
 * The import rows the agency's card-cases upload leaves (RegisterImport, then the pipeline's
 * success): one per batch with the cases it opened, so `cases.import_id` names a file and
 * the dashboard's 按委托批次 breakdown and figure causes read them. The accounts themselves
 * were written by the seeder as a book, set-based, like everything else it writes.
 */
export async function recordDemoBatches(
  em: EntityManager,
  tenantId: string,
  batches: readonly DemoBatch[],
  casesPerBatch: ReadonlyMap<string, number>,
  actor: string,
): Promise<void> {
  const mapping = DEFAULT_MAPPINGS.get('card-cases');
  const rows = batches
    .filter((b) => (casesPerBatch.get(b.id) ?? 0) > 0)
    .map((b) => {
      const n = casesPerBatch.get(b.id) ?? 0;
      const at = new Date(`${b.date}T02:00:00Z`);
      const finished = new Date(at.getTime() + 90_000);
      const counts = {
        ...emptyCounts(),
        debtorsCreated: n,
        accountsCreated: n,
        installmentsCreated: n,
        casesOpened: n,
      };
      return [
        tenantId,
        b.id,
        'cases',
        mapping?.name ?? 'card-cases',
        JSON.stringify(mapping ?? {}),
        mapping?.source ?? 'card',
        b.fileName,
        createHash('sha256').update(`${tenantId}:${b.fileName}`).digest('hex'),
        n * 180,
        'xlsx',
        `demo/${b.id}.xlsx`,
        'succeeded',
        n,
        n,
        n,
        JSON.stringify(counts),
        1,
        actor,
        at,
        at,
        finished,
        finished,
      ];
    });
  await insertRows(
    em,
    'imports',
    [
      'tenant_id',
      'id',
      'kind',
      'mapping_name',
      'mapping',
      'source',
      'file_name',
      'file_sha256',
      'file_size',
      'file_format',
      'storage_key',
      'status',
      'rows_total',
      'rows_ok',
      'last_row',
      'counts',
      'attempts',
      'requested_by',
      'requested_at',
      'started_at',
      'finished_at',
      'updated_at',
    ],
    rows,
    { mapping: '::jsonb', counts: '::jsonb' },
  );
}
