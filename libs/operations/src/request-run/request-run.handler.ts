import { EntityManager } from '@mikro-orm/postgresql';
import { Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, compareLocalDates, isLocalDate, localDateOf } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { RUN_EVENTS, RUN_KINDS } from '../domain/run-vocabulary';
import { findRunByDate, loadRun, viewOf } from '../support/run-rows';
import { RUN_MODES } from '../support/run-scope';
import { tenantTimeZone } from '../support/tenant-zone';
import { RequestedRun, RequestRun } from './request-run.command';
import { RunQueue } from './run-queue';

@CommandHandler(RequestRun)
export class RequestRunHandler implements ICommandHandler<RequestRun, RequestedRun> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly queue?: RunQueue,
  ) {}

  async execute(command: RequestRun): Promise<RequestedRun> {
    requirePermission(viewerOf(command), 'run.start');
    if (!(RUN_KINDS as readonly string[]).includes(command.kind)) {
      throw new ValidationFailedError('Unknown run kind', [
        { path: 'kind', reason: `must be one of ${RUN_KINDS.join(', ')}` },
      ]);
    }
    if (!(RUN_MODES as readonly string[]).includes(command.mode)) {
      throw new ValidationFailedError('Unknown run mode', [
        { path: 'mode', reason: `must be one of ${RUN_MODES.join(', ')}` },
      ]);
    }
    if (command.asOf !== undefined && !isLocalDate(command.asOf)) {
      throw new ValidationFailedError('Bad run date', [
        { path: 'asOf', reason: 'must be a real date written YYYY-MM-DD' },
      ]);
    }
    if (command.enqueue && !this.queue) throw new Error('RequestRun: no RunQueue bound here');
    const requested = await this.tx.run(command.tenantId, (em) => this.request(em, command));
    const state = requested.run.state;
    if (command.enqueue && (state === 'queued' || state === 'running')) {
      await this.queue!.enqueue({
        tenantId: command.tenantId,
        runId: requested.run.id,
        correlationId: command.correlationId,
      });
    }
    return requested;
  }

  private async request(em: EntityManager, command: RequestRun): Promise<RequestedRun> {
    const now = this.clock.now();
    const today = localDateOf(now, await tenantTimeZone(em, command.tenantId));
    const asOf = command.asOf ?? today;
    // Business dates are never run ahead: promises cannot be broken, nor interest accrue, early.
    if (compareLocalDates(asOf, today) > 0) {
      throw new ValidationFailedError('Bad run date', [
        { path: 'asOf', reason: `is after today (${today}) in the tenant's time zone` },
      ]);
    }
    const id = randomUUID();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into runs (tenant_id, id, kind, as_of, state, requested_by, requested_at, updated_at,
         mode)
       values (?, ?, ?, ?::date, 'queued', ?, ?, ?, ?)
       on conflict (tenant_id, kind, as_of) do nothing
       returning id`,
      [command.tenantId, id, command.kind, asOf, command.actorId, now, now, command.mode],
    );
    if (inserted.length > 0) {
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: RUN_EVENTS.requested,
          aggregateType: 'run',
          aggregateId: id,
          payload: { runId: id, kind: command.kind, asOf, mode: command.mode },
          before: null,
          after: { state: 'queued', kind: command.kind, asOf },
        },
      ]);
      return { run: viewOf(await loadRun(em, command.tenantId, id)), created: true };
    }
    const existing = await findRunByDate(em, command.tenantId, command.kind, asOf);
    if (!existing) throw new Error('run vanished between insert and read');
    if (existing.state === 'failed') {
      // A failed run is queued again and resumes from its checkpoint.
      await em.execute(
        `update runs set state = 'queued', finished_at = null, updated_at = ?
         where tenant_id = ? and id = ? and state = 'failed'`,
        [now, command.tenantId, existing.id],
      );
      return { run: viewOf(await loadRun(em, command.tenantId, existing.id)), created: false };
    }
    return { run: viewOf(existing), created: false };
  }
}
