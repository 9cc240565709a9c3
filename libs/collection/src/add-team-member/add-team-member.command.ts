import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { TeamRole } from '../entities/team.entity';

export class AddTeamMember extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly teamId: string,
    readonly userId: string,
    readonly role: TeamRole,
  ) {
    super(meta);
  }
}
