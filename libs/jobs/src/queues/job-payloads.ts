import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  validateSync,
} from 'class-validator';
import { ValidationFailedError } from '@qingshou/core';

/** Job data arrives from Redis: validated like an HTTP body before anything acts on it. */
export function parseJobData<T extends object>(type: new () => T, data: unknown, queue: string): T {
  const instance = plainToInstance(type, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new ValidationFailedError(
      `Job data for queue "${queue}" is invalid`,
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((reason) => ({
          path: `data.${e.property}`,
          reason,
        })),
      ),
    );
  }
  return instance;
}

export const SYSTEM_JOBS = ['heartbeat'] as const;

export class SystemJobData {
  @IsIn(SYSTEM_JOBS)
  kind!: (typeof SYSTEM_JOBS)[number];

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

/** The message the outbox relay publishes for one event. */
export class DomainEventJobData {
  @IsUUID()
  eventId!: string;

  @IsUUID()
  tenantId!: string;

  @IsInt()
  @Min(1)
  seq!: number;

  @IsString()
  type!: string;

  @IsString()
  aggregateType!: string;

  @IsString()
  aggregateId!: string;

  @IsString()
  actorId!: string;

  @IsString()
  correlationId!: string;

  @IsISO8601()
  occurredAt!: string;

  @IsObject()
  payload!: Record<string, unknown>;
}

/** One submitted import file; the file and its settings are in the tenant's `imports` row. */
export class ImportJobData {
  @IsUUID()
  tenantId!: string;

  @IsUUID()
  importId!: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

/** One notice delivery pass for a tenant; asOf limits it to notices issued up to that date. */
export class NoticeDispatchJobData {
  @IsUUID()
  tenantId!: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  asOf?: string;
}

/**
 * How producers add a notices job: a pass that leaves transient failures fails the job, and
 * BullMQ retries it after 1, 2, 4, 8, 16 minutes — each later than the dispatch's own backoff.
 */
export const NOTICE_DISPATCH_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 60_000 },
} as const;

export const SLA_MONITOR_JOBS = ['fan-out', 'tenant'] as const;

/** `fan-out` enqueues one `tenant` job per active tenant; `tenant` runs MonitorSlas. */
export class SlaMonitorJobData {
  @IsIn(SLA_MONITOR_JOBS)
  kind!: (typeof SLA_MONITOR_JOBS)[number];

  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

export const RECORDINGS_ARCHIVE_JOBS = ['fan-out', 'tenant'] as const;

/** `fan-out` (daily) enqueues one `tenant` job per active tenant; `tenant` runs ArchiveRecordings. */
export class RecordingsArchiveJobData {
  @IsIn(RECORDINGS_ARCHIVE_JOBS)
  kind!: (typeof RECORDINGS_ARCHIVE_JOBS)[number];

  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

/** A run to execute (job id = run id, so a re-added job is dropped while BullMQ holds it). */
export class RunJobData {
  @IsUUID()
  tenantId!: string;

  @IsUUID()
  runId!: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

/** One planned chunk of a run's step; the case ids are in its run_chunks row. */
export class RunChunkJobData {
  @IsUUID()
  tenantId!: string;

  @IsUUID()
  runId!: string;

  @IsString()
  @Length(1, 64)
  step!: string;

  @IsInt()
  @Min(0)
  seq!: number;

  /** The run's actor: the chunk's events name who ran the run, as the in-process path does. */
  @IsString()
  @Length(1, 128)
  actorId!: string;

  @IsString()
  @Length(1, 128)
  correlationId!: string;
}

/** A failed chunk is retried by BullMQ first; the run's step re-enqueues what stays pending. */
export const RUN_CHUNK_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
} as const;

export const RUN_JOB_KINDS = ['escalation'] as const;

/** What a tenant's job scheduler fires: the date is decided when it fires, in the tenant's zone. */
export class ScheduledRunJobData {
  @IsUUID()
  tenantId!: string;

  @IsIn(RUN_JOB_KINDS)
  kind!: (typeof RUN_JOB_KINDS)[number];
}
