import { Clock } from '@qingshou/calendar';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { Sessions } from '../auth/sessions';
import { User } from '../entities/user.entity';
import { DisableUser } from './disable-user.command';

@CommandHandler(DisableUser)
export class DisableUserHandler implements ICommandHandler<DisableUser, void> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly sessions: Sessions,
  ) {}

  async execute(command: DisableUser): Promise<void> {
    requirePermission(viewerOf(command), 'user.manage');
    // An admin who disables himself could leave the tenant with no one to undo it.
    if (command.userId === command.actorId) {
      throw new ConflictError('You cannot disable your own account');
    }
    await this.tx.run(command.tenantId, async (em) => {
      const user = await em.findOne(User, { tenantId: command.tenantId, id: command.userId });
      if (!user) throw new NotFoundError('User', command.userId);
      if (user.status === 'disabled') return;
      user.status = 'disabled';
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
        {
          type: 'UserDisabled',
          aggregateType: 'user',
          aggregateId: user.id,
          payload: { username: user.username },
          before: { status: 'active' },
          after: { status: 'disabled' },
        },
      ]);
      await em.flush();
    });
    // After the commit, so a login racing the change cannot open a session that survives it.
    await this.sessions.endAllOf(command.tenantId, command.userId);
  }
}
