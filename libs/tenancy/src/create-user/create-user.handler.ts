import { Clock } from '@qingshou/calendar';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../auth/password-hasher';
import { assertStrongPassword } from '../auth/password-strength';
import { User } from '../entities/user.entity';
import { CreateUser } from './create-user.command';

@CommandHandler(CreateUser)
export class CreateUserHandler implements ICommandHandler<CreateUser, { id: string }> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateUser): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'user.create');
    // platform-admin is granted only inside the platform tenant, never to a customer's user.
    if (
      command.grantedRoles.includes('platform-admin') &&
      command.tenantId !== PLATFORM_TENANT_ID
    ) {
      throw new ForbiddenError('The platform-admin role exists only in the platform tenant');
    }
    assertStrongPassword(command.password, {
      username: command.username,
      displayName: command.displayName,
    });
    const passwordHash = await this.hasher.hash(command.password);
    const id = randomUUID();
    try {
      await this.tx.run(command.tenantId, async (em) => {
        em.create(User, {
          tenantId: command.tenantId,
          id,
          username: command.username,
          displayName: command.displayName,
          passwordHash,
          roles: [...command.grantedRoles],
          status: 'active',
          createdAt: this.clock.now(),
        });
        const after = { username: command.username, roles: command.grantedRoles };
        await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
          { type: 'UserCreated', aggregateType: 'user', aggregateId: id, payload: after, after },
        ]);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(`Username "${command.username}" is taken in this tenant`);
      }
      throw error;
    }
    return { id };
  }
}
