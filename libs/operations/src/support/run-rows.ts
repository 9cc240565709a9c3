import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';
import type { RunCounts, RunKind, RunState } from '../domain/run-vocabulary';

/** A finished step as the run row records it. */
export interface StepRecord {
  readonly name: string;
  readonly counts: RunCounts;
  readonly ms: number;
  readonly finishedAt: string;
}

export interface RunProgress {
  readonly step: string | null;
  readonly stepIndex: number;
  readonly stepsTotal: number;
  /** Within the step: units done and (when known) the total. */
  readonly done: number;
  readonly total: number | null;
  /** Whole run, 0–100 (steps weigh equally; within a step by done/total). */
  readonly percent: number;
}

/** GET /runs/{id}: state, progress and counts. */
export interface RunView {
  readonly id: string;
  readonly kind: RunKind;
  readonly asOf: string;
  readonly state: RunState;
  readonly stepIndex: number;
  readonly step: string | null;
  readonly progress: RunProgress | Record<string, never>;
  readonly counts: RunCounts;
  readonly steps: StepRecord[];
  readonly attempts: number;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** The run row plus the raw checkpoint the executor resumes from. */
export interface RunRow extends RunView {
  readonly tenantId: string;
  readonly cursor: string | null;
}

const COLUMNS = `tenant_id, id, kind, as_of::text as as_of, state, step_index, step, cursor,
  progress, counts, steps, attempts, error, requested_by, requested_at, started_at,
  finished_at`;

type Raw = Record<string, unknown>;

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();
const json = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined
    ? fallback
    : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

export function rowOf(r: Raw): RunRow {
  return {
    tenantId: String(r.tenant_id),
    id: String(r.id),
    kind: r.kind as RunKind,
    asOf: String(r.as_of),
    state: r.state as RunState,
    stepIndex: Number(r.step_index),
    step: (r.step as string | null) ?? null,
    cursor: (r.cursor as string | null) ?? null,
    progress: json(r.progress, {}),
    counts: json(r.counts, {}),
    steps: json(r.steps, []),
    attempts: Number(r.attempts),
    error: (r.error as string | null) ?? null,
    requestedBy: String(r.requested_by),
    requestedAt: iso(r.requested_at) as string,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

export function viewOf(row: RunRow): RunView {
  const { tenantId: _tenant, cursor: _cursor, ...view } = row;
  return view;
}

export async function findRun(
  em: EntityManager,
  tenantId: string,
  runId: string,
  lock = false,
): Promise<RunRow | null> {
  const [row] = await em.execute<Raw[]>(
    `select ${COLUMNS} from runs where tenant_id = ? and id = ?${lock ? ' for update' : ''}`,
    [tenantId, runId],
  );
  return row ? rowOf(row) : null;
}

export async function loadRun(
  em: EntityManager,
  tenantId: string,
  runId: string,
  lock = false,
): Promise<RunRow> {
  const row = await findRun(em, tenantId, runId, lock);
  if (!row) throw new NotFoundError('run', runId);
  return row;
}

export async function findRunByDate(
  em: EntityManager,
  tenantId: string,
  kind: RunKind,
  asOf: string,
): Promise<RunRow | null> {
  const [row] = await em.execute<Raw[]>(
    `select ${COLUMNS} from runs where tenant_id = ? and kind = ? and as_of = ?::date`,
    [tenantId, kind, asOf],
  );
  return row ? rowOf(row) : null;
}

export async function listRuns(
  em: EntityManager,
  tenantId: string,
  filter: { asOf?: string; limit: number },
): Promise<RunView[]> {
  const rows = await em.execute<Raw[]>(
    `select ${COLUMNS} from runs
     where tenant_id = ? and (?::date is null or as_of = ?::date)
     order by as_of desc, requested_at desc limit ?`,
    [tenantId, filter.asOf ?? null, filter.asOf ?? null, filter.limit],
  );
  return rows.map((r) => viewOf(rowOf(r)));
}

export function percentOf(
  stepIndex: number,
  stepsTotal: number,
  done = 0,
  total: number | null = null,
): number {
  if (stepsTotal === 0) return 100;
  const within = total && total > 0 ? Math.min(1, done / total) : 0;
  return Math.min(100, Math.floor(((stepIndex + within) / stepsTotal) * 1000) / 10);
}
