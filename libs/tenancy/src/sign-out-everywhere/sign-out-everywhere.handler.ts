import { Clock } from '@qingshou/calendar';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { Sessions } from '../auth/sessions';
import { User } from '../entities/user.entity';
import { SignedOut, SignOutEverywhere } from './sign-out-everywhere.command';

@CommandHandler(SignOutEverywhere)
export class SignOutEverywhereHandler implements ICommandHandler<SignOutEverywhere, SignedOut> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly sessions: Sessions,
  ) {}

  async execute(command: SignOutEverywhere): Promise<SignedOut> {
    requirePermission(viewerOf(command), 'user.manage');
    return this.tx.run(command.tenantId, async (em) => {
      // Only a user of the admin's own tenant (RLS) can be named; another's id is not found.
      const user = await em.findOne(User, { tenantId: command.tenantId, id: command.userId });
      if (!user) throw new NotFoundError('User', command.userId);
      const sessionsEnded = await this.sessions.endAllOf(command.tenantId, user.id);
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
        {
          type: 'UserSignedOutEverywhere',
          aggregateType: 'user',
          aggregateId: user.id,
          payload: { username: user.username, sessionsEnded },
        },
      ]);
      return { sessionsEnded };
    });
  }
}
