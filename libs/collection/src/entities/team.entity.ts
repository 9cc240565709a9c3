import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A collection team (清欠小组 / a supervisor's group of collectors). */
@Entity({ tableName: 'teams' })
export class Team {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;
}

export type TeamRole = 'lead' | 'member';

@Entity({ tableName: 'team_members' })
export class TeamMember {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'team_id' })
  teamId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'user_id' })
  userId!: string;

  @Property({ type: 'text' })
  role!: TeamRole;

  @Property({ type: 'Date', fieldName: 'added_at' })
  addedAt!: Date;
}
