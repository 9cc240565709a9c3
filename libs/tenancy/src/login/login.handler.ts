import { Clock } from '@qingshou/calendar';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, Principal } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { sessionPolicyOf, Sessions } from '../auth/sessions';
import { Tenant } from '../entities/tenant.entity';
import { User } from '../entities/user.entity';
import { Login, LoginResult } from './login.command';

// Verifying against a real hash for unknown users keeps response times alike, so timing
// does not reveal which usernames exist.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$1sRRNyzche9xvdTPirDHZg$dVuM/+BZI7hf4lY7F3l5UQoiVA1ohil2Uqb2Iw73AOM';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid-credentials', 'Tenant, username or password is wrong', 401);
  }
}

@CommandHandler(Login)
export class LoginHandler implements ICommandHandler<Login, LoginResult> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
  ) {}

  async execute(command: Login): Promise<LoginResult> {
    await this.throttle.checkAllowed(command.tenantSlug, command.username, command.clientIp);
    const tenant = await this.tx.runUnscoped((em) =>
      em.findOne(Tenant, { slug: command.tenantSlug, status: 'active' }),
    );
    if (!tenant) {
      await this.hasher.verify(DUMMY_HASH, command.password);
      await this.throttle.recordFailure(command.tenantSlug, command.username, command.clientIp);
      throw new InvalidCredentialsError();
    }
    const principal = await this.tx.run(tenant.id, async (em) => {
      const user = await em.findOne(User, {
        tenantId: tenant.id,
        username: command.username,
        status: 'active',
      });
      const ok = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, command.password);
      await this.events.append(
        em,
        {
          tenantId: tenant.id,
          actorId: user?.id ?? `anonymous:${command.username}`,
          correlationId: command.correlationId,
          occurredAt: this.clock.now(),
        },
        [
          {
            type: ok && user ? 'UserLoggedIn' : 'LoginFailed',
            aggregateType: 'user',
            aggregateId: user?.id ?? command.username,
            payload: { username: command.username, clientIp: command.clientIp },
          },
        ],
      );
      if (!ok || !user) return null;
      const result: Principal = {
        userId: user.id,
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        username: user.username,
        roles: user.roles,
      };
      return result;
    });
    if (!principal) {
      await this.throttle.recordFailure(command.tenantSlug, command.username, command.clientIp);
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(command.tenantSlug, command.username);
    // A server-side session with the tenant's limits: the token is good only while it lives.
    return this.sessions.start(principal, sessionPolicyOf(tenant));
  }
}
