import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsString,
  IsUUID,
  Length,
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
