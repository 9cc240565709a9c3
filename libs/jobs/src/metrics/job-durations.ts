import { Injectable } from '@nestjs/common';
import { RedisClient } from '@qingshou/db';

/** Upper bounds (seconds) of the job-duration histogram: a heartbeat to a day's run chunk. */
export const JOB_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800];

export type JobOutcome = 'completed' | 'failed';

export interface JobDurationSeries {
  readonly queue: string;
  readonly outcome: JobOutcome;
  /** Cumulative counts per bucket upper bound, `+Inf` last (Prometheus histogram). */
  readonly buckets: readonly { readonly le: string; readonly count: number }[];
  readonly count: number;
  readonly sum: number;
}

const SERIES = 'metrics:job-duration:series';
const key = (queue: string, outcome: string) => `metrics:job-duration:${queue}:${outcome}`;

/**
 * Job durations as Prometheus histogram counters kept in Redis. Why Redis rather than a
 * /metrics port on each worker (WORKER_METRICS_PORT): workers come and go (a SIGKILL, a
 * second worker for a big run) and a per-process counter dies with its process; Redis sums
 * every worker's jobs, survives restarts, needs no extra port or scrape target, and the API
 * already holds the connection — it reads these at scrape time. Cost: one pipelined round
 * trip per finished job.
 */
@Injectable()
export class JobDurations {
  constructor(private readonly redis: RedisClient) {}

  async observe(queue: string, outcome: JobOutcome, seconds: number): Promise<void> {
    if (!Number.isFinite(seconds) || seconds < 0) return;
    const k = key(queue, outcome);
    const pipeline = this.redis.pipeline().sadd(SERIES, `${queue}|${outcome}`);
    for (const le of JOB_DURATION_BUCKETS) {
      if (seconds <= le) pipeline.hincrby(k, String(le), 1);
    }
    pipeline.hincrby(k, '+Inf', 1).hincrbyfloat(k, 'sum', seconds);
    await pipeline.exec();
  }

  async read(): Promise<JobDurationSeries[]> {
    const members = await this.redis.smembers(SERIES);
    const series: JobDurationSeries[] = [];
    for (const member of members.sort()) {
      const [queue, outcome] = member.split('|') as [string, JobOutcome];
      const fields = await this.redis.hgetall(key(queue, outcome));
      const count = Number(fields['+Inf'] ?? 0);
      series.push({
        queue,
        outcome,
        buckets: [
          ...JOB_DURATION_BUCKETS.map((le) => ({ le: String(le), count: Number(fields[le] ?? 0) })),
          { le: '+Inf', count },
        ],
        count,
        sum: Number(fields.sum ?? 0),
      });
    }
    return series;
  }
}
