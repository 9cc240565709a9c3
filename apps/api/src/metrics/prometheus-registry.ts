import { Injectable } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import { JobDurations } from '@qingshou/jobs';
import { Gauge, Histogram, Registry } from 'prom-client';
import { QueueRegistry } from './queue-registry';

export const QUEUE_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;

/**
 * The API's Prometheus registry (its own, not prom-client's global one, so test apps in one
 * process never collide). Queue depths and run durations are read at scrape time; HTTP
 * durations are observed per request; job durations come from the workers through Redis
 * (see JobDurations for why).
 */
@Injectable()
export class PrometheusRegistry {
  readonly registry = new Registry();
  readonly http: Histogram<'method' | 'route' | 'status'>;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly jobs: JobDurations,
    private readonly tx: TenantTx,
  ) {
    const registry = this.queues;
    new Gauge({
      name: 'qingshou_queue_jobs',
      help: 'Jobs in each BullMQ queue by state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of registry.all()) {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES)
            this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
    this.http = new Histogram({
      name: 'qingshou_http_request_duration_seconds',
      help: 'HTTP request durations by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  async text(): Promise<string> {
    const parts = [
      await this.registry.metrics(),
      await this.jobDurations(),
      await this.runDurations(),
    ];
    return parts.filter((p) => p.length > 0).join('\n');
  }

  contentType(): string {
    return this.registry.contentType;
  }

  /** Histogram text from the Redis counters every worker increments. */
  private async jobDurations(): Promise<string> {
    const name = 'qingshou_job_duration_seconds';
    const lines = [
      `# HELP ${name} BullMQ job durations (finished - processed), all workers`,
      `# TYPE ${name} histogram`,
    ];
    for (const s of await this.jobs.read()) {
      const labels = `queue="${esc(s.queue)}",outcome="${s.outcome}"`;
      for (const b of s.buckets) lines.push(`${name}_bucket{${labels},le="${b.le}"} ${b.count}`);
      lines.push(`${name}_sum{${labels}} ${s.sum}`, `${name}_count{${labels}} ${s.count}`);
    }
    return lines.join('\n') + '\n';
  }

  /**
   * Durations of finished runs (the daily escalation run…) from the `runs` table. RLS binds
   * every read to one tenant, so the sums are gathered tenant by tenant (a few dozen short
   * reads). Tolerates the table's absence: a database migrated before it existed.
   */
  private async runDurations(): Promise<string> {
    const name = 'qingshou_run_duration_seconds';
    type Row = { kind: string; state: string; n: string; total: string; max: string };
    const totals = new Map<
      string,
      { kind: string; state: string; n: number; total: number; max: number }
    >();
    try {
      const tenants = await this.tx.runUnscoped((em) =>
        em.execute<{ id: string }[]>(
          `select id from tenants where to_regclass('public.runs') is not null order by id`,
        ),
      );
      for (const { id } of tenants) {
        const rows = await this.tx.run(id, (em) =>
          em.execute<Row[]>(
            `select kind, state, count(*)::text as n,
                    sum(extract(epoch from finished_at - started_at))::text as total,
                    max(extract(epoch from finished_at - started_at))::text as max
             from runs where tenant_id = ? and started_at is not null and finished_at is not null
             group by kind, state`,
            [id],
          ),
        );
        for (const r of rows) {
          const key = `${r.kind}|${r.state}`;
          const t = totals.get(key) ?? { kind: r.kind, state: r.state, n: 0, total: 0, max: 0 };
          t.n += Number(r.n);
          t.total += Number(r.total);
          t.max = Math.max(t.max, Number(r.max));
          totals.set(key, t);
        }
      }
    } catch {
      return '';
    }
    const lines = [
      `# HELP ${name} Durations of finished runs (daily escalation…), by kind and state`,
      `# TYPE ${name} summary`,
    ];
    const sorted = [...totals.values()].sort((a, b) =>
      (a.kind + a.state).localeCompare(b.kind + b.state),
    );
    for (const t of sorted) {
      const labels = `kind="${esc(t.kind)}",state="${esc(t.state)}"`;
      lines.push(`${name}_sum{${labels}} ${t.total}`, `${name}_count{${labels}} ${t.n}`);
    }
    lines.push(`# HELP ${name}_max Longest finished run, seconds`, `# TYPE ${name}_max gauge`);
    for (const t of sorted) {
      lines.push(`${name}_max{kind="${esc(t.kind)}",state="${esc(t.state)}"} ${t.max}`);
    }
    return lines.join('\n') + '\n';
  }
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
