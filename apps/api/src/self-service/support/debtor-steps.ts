import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { hashToken, LinkGate, OpenLink, debtorActorId } from '@qingshou/self-service';
import { DebtorSessions } from './debtor-sessions';
import { SelfServiceThrottle } from './self-service-throttle';

/** The audit context of one step: the debtor of this link, now. */
export interface StepContext {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

/**
 * How every step of the debtor's page begins: counted first (per link and address), then the
 * link through the one gate. `onLink` runs the step in the tenant's transaction with the link
 * row locked; `verified` also wants this link's session. Any refusal is null.
 */
@Injectable()
export class DebtorSteps {
  constructor(
    private readonly gate: LinkGate,
    private readonly throttle: SelfServiceThrottle,
    private readonly sessions: DebtorSessions,
    private readonly tx: TenantTx,
    private readonly clock: Clock,
  ) {}

  async onLink<T>(
    step: { token: string; ip: string; correlationId: string },
    work: (em: EntityManager, link: OpenLink, ctx: StepContext) => Promise<T | null>,
  ): Promise<T | null> {
    await this.throttle.hit(hashToken(step.token), step.ip);
    const found = await this.gate.open(step.token);
    if (!found) return null;
    return this.tx.run(found.tenantId, async (em) => {
      const link = await this.gate.load(em, found.tenantId, found.tokenHash);
      if (!link) return null;
      const ctx = {
        tenantId: link.tenantId,
        actorId: debtorActorId(link.linkId),
        correlationId: step.correlationId,
        occurredAt: this.clock.now(),
      };
      return work(em, link, ctx);
    });
  }

  async verified(step: {
    token: string;
    sessionId: string | undefined;
    ip: string;
  }): Promise<OpenLink | null> {
    const tokenHash = hashToken(step.token);
    await this.throttle.hit(tokenHash, step.ip);
    const session = await this.sessions.find(step.sessionId, tokenHash);
    if (!session) return null;
    const link = await this.gate.open(step.token);
    return link && link.linkId === session.linkId ? link : null;
  }
}
