import { Injectable } from '@nestjs/common';

export type AssignmentRuleName = 'round-robin' | 'capacity' | 'team';

/** The tenant's 分案规则, as 自动分案 applies it. */
export interface AssignmentRules {
  readonly rule: AssignmentRuleName;
  /** Platform roles that receive cases (篇八: phone collectors). */
  readonly collectorRoles: readonly string[];
  /** capacity: the most open cases a collector may hold; null: no cap. */
  readonly maxOpenCases: number | null;
  /** team: a group's (branch, village, school) cases go to the named team. */
  readonly groupTeams: readonly { readonly group: string; readonly team: string }[];
  /** 留案 days from 委案日期; null: not declared. */
  readonly retentionDays: number | null;
  /** 退案 days from 委案日期 when the batch gives no date; null: not declared. */
  readonly returnAfterDays: number | null;
}

export const DEFAULT_ASSIGNMENT_RULES: AssignmentRules = {
  rule: 'round-robin',
  collectorRoles: ['phone-collector', 'field-collector'],
  maxOpenCases: null,
  groupTeams: [],
  retentionDays: null,
  returnAfterDays: null,
};

/** PORT. The assignment rule is the pack's (`assignment`); the engine overrides the token. */
export abstract class AssignmentPolicy {
  abstract rules(tenantId: string): Promise<AssignmentRules>;
}

/** Without a policy engine: round-robin among collectors, no cap. */
@Injectable()
export class DefaultAssignmentPolicy extends AssignmentPolicy {
  async rules(): Promise<AssignmentRules> {
    return DEFAULT_ASSIGNMENT_RULES;
  }
}
