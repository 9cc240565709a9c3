import { Clock } from '@qingshou/calendar';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventLog, TenantTx } from '@qingshou/db';
import { Sessions } from '../auth/sessions';
import { Logout } from './logout.command';

@CommandHandler(Logout)
export class LogoutHandler implements ICommandHandler<Logout, void> {
  constructor(
    private readonly sessions: Sessions,
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  async execute(command: Logout): Promise<void> {
    // Only a live session is ended (and recorded): a stale token changes nothing.
    const live = await this.sessions.authenticate(command.accessToken);
    if (!live) return;
    await this.sessions.end(live.sessionId);
    const { principal } = live;
    await this.tx.run(principal.tenantId, (em) =>
      this.events.append(
        em,
        {
          tenantId: principal.tenantId,
          actorId: principal.userId,
          correlationId: command.correlationId,
          occurredAt: this.clock.now(),
        },
        [
          {
            type: 'UserLoggedOut',
            aggregateType: 'user',
            aggregateId: principal.userId,
            payload: { username: principal.username },
          },
        ],
      ),
    );
  }
}
