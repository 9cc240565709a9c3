import { Clock } from '@qingshou/calendar';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { PasswordHasher } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-strength';
import { sessionPolicyOf, Sessions } from '../auth/sessions';
import { Tenant } from '../entities/tenant.entity';
import { User } from '../entities/user.entity';
import { ChangePassword, PasswordChanged } from './change-password.command';

export class WrongCurrentPasswordError extends DomainError {
  constructor() {
    super('wrong-current-password', '当前密码不正确（the current password is wrong）', 400, [
      { path: 'currentPassword', reason: '当前密码不正确（the current password is wrong）' },
    ]);
  }
}

@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword, PasswordChanged> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  async execute(command: ChangePassword): Promise<PasswordChanged> {
    requirePermission(viewerOf(command), 'me.password');
    const changed = await this.tx.run(command.tenantId, async (em) => {
      const user = await em.findOne(User, {
        tenantId: command.tenantId,
        id: command.actorId,
        status: 'active',
      });
      const ok = user && (await this.hasher.verify(user.passwordHash, command.currentPassword));
      if (!user || !ok) throw new WrongCurrentPasswordError();
      const tenant = await em.findOneOrFail(Tenant, { id: command.tenantId });
      // The strength rule every password meets, reported at the field the caller filled in.
      const weak = passwordProblems(command.newPassword, {
        username: user.username,
        displayName: user.displayName,
        tenantSlug: tenant.slug,
      }).map((problem) => ({ ...problem, path: 'newPassword' }));
      if (weak.length > 0) throw new ValidationFailedError(weak[0].reason, weak);
      user.passwordHash = await this.hasher.hash(command.newPassword);
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
        {
          type: 'PasswordChanged',
          aggregateType: 'user',
          aggregateId: user.id,
          payload: { username: user.username },
        },
      ]);
      await em.flush();
      return { user, tenant };
    });
    // After the commit: every old token of this user is refused from here on.
    await this.sessions.endAllOf(command.tenantId, command.actorId);
    const { user, tenant } = changed;
    return this.sessions.start(
      {
        userId: user.id,
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        username: user.username,
        roles: user.roles,
      },
      sessionPolicyOf(tenant),
    );
  }
}
