import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowError } from '../support/tabular';
import { performance } from 'node:perf_hooks';
import type { PoolClient, QueryResultRow } from 'pg';
import type { ImportCounts } from '../domain/import-vocabulary';
import { addElapsed, Timings } from '../support/timings';

/** What the merge statements may bind by name: :tenant, :source, :actor, :now, :today, … */
export interface MergeContext {
  readonly client: PoolClient;
  /**
   * The same transaction as `client`, for the writers of the libs that own a table
   * (collection's `openCases`): they take the caller's EntityManager.
   */
  readonly em: EntityManager;
  readonly tenantId: string;
  readonly source: string;
  readonly actorId: string;
  readonly now: Date;
  readonly today: string;
  /** payments: the source of the accounts the receipts name. */
  readonly accountSource?: string;
  /** The import being merged: cases it opens remember it (the engine's caseImported). */
  readonly importId?: string;
  /** The file's header for a canonical field, for rows the merge refuses. */
  readonly headerOf: (field: string) => string;
  /** When given, milliseconds per statement are added here (the benchmark's breakdown). */
  readonly timings?: Timings;
}

export interface MergeResult {
  readonly counts: Partial<ImportCounts>;
  /** Rows the database refused (a reference taken by other data, an unknown account). */
  readonly rejected: RowError[];
}

const NAMED = /(?<!:):(tenant|source|accountSource|actor|now|today|importId)\b/g;

// Typed on every use: an untyped parameter in an INSERT … SELECT list would resolve as text.
const TYPES: Record<string, string> = {
  tenant: 'uuid',
  source: 'text',
  accountSource: 'text',
  actor: 'text',
  now: 'timestamptz',
  today: 'date',
  importId: 'uuid',
};

/**
 * Runs a statement written with named parameters, numbered in order of first use, so each
 * statement binds only what it uses (PostgreSQL refuses parameters it cannot type).
 */
export async function query<R extends QueryResultRow = QueryResultRow>(
  ctx: MergeContext,
  template: string,
): Promise<{ rows: R[]; rowCount: number }> {
  const values: Record<string, unknown> = {
    tenant: ctx.tenantId,
    source: ctx.source,
    accountSource: ctx.accountSource ?? null,
    actor: ctx.actorId,
    now: ctx.now,
    today: ctx.today,
    importId: ctx.importId ?? null,
  };
  const order: string[] = [];
  const text = template.replace(NAMED, (_, name: string) => {
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}::${TYPES[name]}`;
  });
  const started = performance.now();
  const result = await ctx.client.query<R>(
    text,
    order.map((name) => values[name]),
  );
  // Each statement opens with a `-- name` comment, which labels it in the breakdown.
  addElapsed(
    ctx.timings,
    template
      .trim()
      .split('\n')[0]
      .replace(/^--\s*/, ''),
    started,
  );
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

export async function affected(ctx: MergeContext, template: string): Promise<number> {
  return (await query(ctx, template)).rowCount;
}

export async function countOf(ctx: MergeContext, table: string): Promise<number> {
  const result = await ctx.client.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(result.rows[0].n);
}

/** Rows the merge refuses leave the stage, so nothing further is written for them. */
export async function reject(
  ctx: MergeContext,
  stage: string,
  rows: readonly { row_no: number; value: string }[],
  field: string,
  reason: string,
  reasonZh: string,
): Promise<RowError[]> {
  if (rows.length === 0) return [];
  await ctx.client.query(`delete from ${stage} where row_no = any($1::int[])`, [
    rows.map((r) => r.row_no),
  ]);
  const column = ctx.headerOf(field);
  return rows.map((r) => ({ row: r.row_no, column, field, value: r.value, reason, reasonZh }));
}
