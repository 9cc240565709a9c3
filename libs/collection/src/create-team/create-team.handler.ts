import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { Team } from '../entities/team.entity';
import { invalidArgument, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { addMembers } from './team-members';
import { CreateTeam } from './create-team.command';

@CommandHandler(CreateTeam)
export class CreateTeamHandler implements ICommandHandler<CreateTeam, { id: string }> {
  constructor(private readonly tx: CollectionTx) {}

  async execute(command: CreateTeam): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'team.manage');
    const name = textArg(command.name, 'name', 100);
    if (!name) invalidArgument('name', 'must not be empty');
    const id = randomUUID();
    try {
      await this.tx.run(command, async (w) => {
        w.em.create(Team, { tenantId: w.tenantId, id, name, createdAt: w.now });
        const members = await addMembers(w, id, command.members);
        const after = { name, members };
        await w.append([
          { type: 'TeamCreated', aggregateType: 'team', aggregateId: id, payload: after, after },
        ]);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(`A team named "${name}" exists in this tenant`);
      }
      throw error;
    }
    return { id };
  }
}
