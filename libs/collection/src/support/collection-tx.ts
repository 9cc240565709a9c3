import { OptimisticLockError } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock, localDateOf, type LocalDate } from '@qingshou/calendar';
import { ConflictError, NotFoundError } from '@qingshou/core';
import { DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { viewerOf, type CollectionCommand, type Viewer } from '../domain/collection-command';
import { Case } from '../entities/case.entity';
import { assertMayChangeCases, visibleCasesSql } from '@qingshou/core';

/** Case events reach the policy engine and notices after commit (DESIGN §2). */
export const PUBLISH = ['domain-events'] as const;

/** What a command handler works with inside its one transaction. */
export class CaseWork {
  constructor(
    readonly em: EntityManager,
    readonly command: CollectionCommand,
    readonly viewer: Viewer,
    /** Business time of the command: the injected clock, read once. */
    readonly now: Date,
    readonly timeZone: string,
    /** Today's business date in the tenant's zone. */
    readonly today: LocalDate,
    private readonly events: EventLog,
  ) {}

  get tenantId(): string {
    return this.command.tenantId;
  }

  /**
   * The case, if the viewer may see it (else 404 — ids must not leak), row-locked for the
   * rest of the transaction. `updatedAt` is touched so the flush bumps `version`: every
   * command leaves the case one version later, and concurrent writers queue on the lock.
   */
  async loadCase(caseId: string): Promise<Case> {
    const visible = visibleCasesSql(this.viewer);
    const rows = await this.em.execute<{ id: string }[]>(
      `select c.id from cases c where c.tenant_id = ? and c.id = ? and ${visible.sql} for update`,
      [this.tenantId, caseId, ...visible.params],
    );
    if (rows.length === 0) throw new NotFoundError('case', caseId);
    const found = await this.em.findOneOrFail(Case, { tenantId: this.tenantId, id: caseId });
    found.updatedAt = this.now;
    return found;
  }

  append(events: readonly DomainEvent[]): Promise<unknown> {
    return this.events.append(
      this.em,
      {
        tenantId: this.command.tenantId,
        actorId: this.command.actorId,
        correlationId: this.command.correlationId,
        occurredAt: this.now,
      },
      events,
    );
  }

  /** A case event: aggregate `case`, published after commit. */
  caseEvent(
    type: string,
    caseId: string,
    payload: Record<string, unknown>,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): DomainEvent {
    return {
      type,
      aggregateType: 'case',
      aggregateId: caseId,
      payload,
      before,
      after,
      publish: PUBLISH,
    };
  }
}

/**
 * The transaction every collection command runs in: refuses read-only roles, binds the
 * tenant, reads the clock and the tenant's time zone once, and turns a lost optimistic
 * lock into 409.
 */
@Injectable()
export class CollectionTx {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  async run<T>(command: CollectionCommand, work: (w: CaseWork) => Promise<T>): Promise<T> {
    const viewer = viewerOf(command);
    assertMayChangeCases(viewer);
    const now = this.clock.now();
    try {
      return await this.tx.run(command.tenantId, async (em) => {
        const timeZone = await tenantTimeZone(em, command.tenantId);
        const today = localDateOf(now, timeZone);
        return work(new CaseWork(em, command, viewer, now, timeZone, today, this.events));
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) {
        throw new ConflictError(
          'The case was changed by someone else meanwhile; reload it and try again',
        );
      }
      throw error;
    }
  }
}

export async function tenantTimeZone(em: EntityManager, tenantId: string): Promise<string> {
  const rows = await em.execute<{ time_zone: string }[]>(
    `select time_zone from tenants where id = ?`,
    [tenantId],
  );
  if (!rows[0]) throw new NotFoundError('tenant', tenantId);
  return rows[0].time_zone;
}
