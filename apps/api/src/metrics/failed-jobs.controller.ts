import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ValidationFailedError } from '@qingshou/core';
import { ALL_QUEUES } from '@qingshou/jobs';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { Permission } from '../auth/access.decorators';
import { QueueRegistry } from './queue-registry';

export class FailedJobsQuery {
  @ApiPropertyOptional({ enum: ALL_QUEUES as string[], description: 'default: every queue' })
  @IsOptional()
  @IsIn(ALL_QUEUES as string[], { message: `queue must be one of ${ALL_QUEUES.join(', ')}` })
  queue?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1–500' })
  @Max(500, { message: 'limit must be 1–500' })
  limit?: number;
}

export interface FailedJobView {
  readonly queue: string;
  readonly id: string | undefined;
  readonly name: string;
  readonly error: string;
  /** The first frames: enough to find the line, not a dump. */
  readonly stack: string | null;
  readonly attemptsMade: number;
  readonly failedAt: string | null;
  /** Which tenant and request, never the payload itself (it may name debtors). */
  readonly tenantId: string | null;
  readonly correlationId: string | null;
}

/** Failed jobs with their error, for platform admins (bull-board shows the same). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/jobs')
export class FailedJobsController {
  constructor(private readonly queues: QueueRegistry) {}

  @Get('failed')
  @Permission('failed-jobs.read')
  async failed(@Query() query: FailedJobsQuery): Promise<{ jobs: FailedJobView[] }> {
    const limit = query.limit ?? 50;
    const queues = query.queue ? [this.queues.get(query.queue)] : this.queues.all();
    const jobs: FailedJobView[] = [];
    for (const queue of queues) {
      if (!queue)
        throw new ValidationFailedError('unknown queue', [
          { path: 'queue', reason: 'is not registered' },
        ]);
      for (const job of await queue.getFailed(0, limit - 1)) {
        const data = (job.data ?? {}) as Record<string, unknown>;
        jobs.push({
          queue: queue.name,
          id: job.id,
          name: job.name,
          error: job.failedReason ?? '',
          stack: job.stacktrace?.[0]?.split('\n').slice(0, 6).join('\n') ?? null,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          tenantId: typeof data.tenantId === 'string' ? data.tenantId : null,
          correlationId: typeof data.correlationId === 'string' ? data.correlationId : null,
        });
      }
    }
    jobs.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
    return { jobs: jobs.slice(0, limit) };
  }
}
