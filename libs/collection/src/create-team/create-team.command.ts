import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { TeamRole } from '../entities/team.entity';

export interface TeamMemberInput {
  readonly userId: string;
  /** lead: the team's supervisor (催收主管/组长); member: a collector. */
  readonly role: TeamRole;
}

export class CreateTeam extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly name: string,
    readonly members: readonly TeamMemberInput[] = [],
  ) {
    super(meta);
  }
}
