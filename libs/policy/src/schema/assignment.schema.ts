import { IsOptional } from 'class-validator';
import { PLATFORM_ROLES } from './common.schema';
import { Int, NestedList, OneOf, Optional, Required, Text } from './rules';

/** How 自动分案 picks a collector for each unassigned case. */
export const ASSIGNMENT_RULES = ['round-robin', 'capacity', 'team'] as const;
export type AssignmentRuleName = (typeof ASSIGNMENT_RULES)[number];

/** 按区域/团队分案: cases of a group (a branch, a village, a school) go to one team. */
export class GroupTeamSpec {
  /** The group's name as imported (debtor_groups.name), e.g. 浦东支行. */
  @Required()
  @Text(200)
  group!: string;

  /** The team's name (teams.name), e.g. 电催A组. */
  @Required()
  @Text(200)
  team!: string;
}

/**
 * 分案规则 (篇八: the supervisor assigns entered cases within a working day). `round-robin`
 * deals the cases out in turn, fewest open cases first; `capacity` does the same but never
 * above `maxOpenCases` open cases per collector; `team` sends a group's cases to the team
 * `groupTeams` names, round-robin inside it. For an agency, `retentionDays` (留案) and
 * `returnAfterDays` (退案) date each batch from its 委案日期; a 退案日期 in the file wins.
 */
export class AssignmentSpec {
  @IsOptional()
  @OneOf(ASSIGNMENT_RULES)
  rule: AssignmentRuleName = 'round-robin';

  /** Platform roles that receive cases (篇八: the phone collectors are the first layer). */
  @IsOptional()
  @OneOf(PLATFORM_ROLES, { each: true })
  collectorRoles: string[] = ['phone-collector', 'field-collector'];

  /** capacity: open cases a collector may hold; absent: no cap. */
  @Optional()
  @Int(1, 100000)
  maxOpenCases?: number;

  @IsOptional()
  @NestedList(() => GroupTeamSpec, 500)
  groupTeams: GroupTeamSpec[] = [];

  /** 留案: days from 委案日期 the office keeps working a case before it may be handed back. */
  @Optional()
  @Int(1, 3650)
  retentionDays?: number;

  /** 退案: days from 委案日期 by which the case goes back to the client (file's date first). */
  @Optional()
  @Int(1, 3650)
  returnAfterDays?: number;
}
