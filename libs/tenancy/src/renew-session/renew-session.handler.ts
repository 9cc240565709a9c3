import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isRole } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { Sessions } from '../auth/sessions';
import { RenewedSession, RenewSession } from './renew-session.command';

/** 401: the console sends the user back to the login page. */
export class SessionEndedError extends DomainError {
  constructor() {
    super(
      'unauthenticated',
      'The session has ended or the account is no longer active; sign in again',
      401,
    );
  }
}

@CommandHandler(RenewSession)
export class RenewSessionHandler implements ICommandHandler<RenewSession, RenewedSession> {
  constructor(
    private readonly tx: TenantTx,
    private readonly sessions: Sessions,
  ) {}

  async execute(command: RenewSession): Promise<RenewedSession> {
    const [row] = await this.tx.run(command.tenantId, (em) =>
      em.execute<{ username: string; roles: string[]; slug: string }[]>(
        `select u.username, u.roles, t.slug from users u join tenants t on t.id = u.tenant_id
         where u.tenant_id = ? and u.id = ? and u.status = 'active' and t.status = 'active'`,
        [command.tenantId, command.actorId],
      ),
    );
    if (!row) throw new SessionEndedError();
    const renewed = await this.sessions.renew(
      {
        userId: command.actorId,
        tenantId: command.tenantId,
        tenantSlug: row.slug,
        username: row.username,
        roles: row.roles.filter(isRole),
      },
      command.sessionId,
    );
    if (!renewed) throw new SessionEndedError();
    return renewed;
  }
}
