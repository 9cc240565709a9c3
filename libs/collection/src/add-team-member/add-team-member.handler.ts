import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { addMembers } from '../create-team/team-members';
import { viewerOf } from '../domain/collection-command';
import { Team } from '../entities/team.entity';
import { CollectionTx } from '../support/collection-tx';
import { AddTeamMember } from './add-team-member.command';

@CommandHandler(AddTeamMember)
export class AddTeamMemberHandler implements ICommandHandler<
  AddTeamMember,
  { teamId: string; userId: string }
> {
  constructor(private readonly tx: CollectionTx) {}

  async execute(command: AddTeamMember): Promise<{ teamId: string; userId: string }> {
    requirePermission(viewerOf(command), 'team.manage');
    try {
      await this.tx.run(command, async (w) => {
        const team = await w.em.findOne(Team, { tenantId: w.tenantId, id: command.teamId });
        if (!team) throw new NotFoundError('team', command.teamId);
        const [member] = await addMembers(w, team.id, [
          { userId: command.userId, role: command.role },
        ]);
        await w.append([
          {
            type: 'TeamMemberAdded',
            aggregateType: 'team',
            aggregateId: team.id,
            payload: { ...member },
            after: { ...member },
          },
        ]);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('The user is already a member of this team');
      }
      throw error;
    }
    return { teamId: command.teamId, userId: command.userId };
  }
}
