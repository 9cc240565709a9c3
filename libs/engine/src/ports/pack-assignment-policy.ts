import { Injectable } from '@nestjs/common';
import { AssignmentPolicy, AssignmentRules, DEFAULT_ASSIGNMENT_RULES } from '@qingshou/collection';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks } from '../run/pinned-packs';

/** The AssignmentPolicy port from the pinned pack's `assignment` section. */
@Injectable()
export class PackAssignmentPolicy extends AssignmentPolicy {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async rules(tenantId: string): Promise<AssignmentRules> {
    const view = await this.tx.run(tenantId, (em) => this.packs.active(em, tenantId));
    const spec = view?.pack.spec.assignment;
    if (!spec) return DEFAULT_ASSIGNMENT_RULES;
    return {
      rule: spec.rule,
      collectorRoles: spec.collectorRoles ?? DEFAULT_ASSIGNMENT_RULES.collectorRoles,
      maxOpenCases: spec.maxOpenCases ?? null,
      groupTeams: (spec.groupTeams ?? []).map((g) => ({ group: g.group, team: g.team })),
      retentionDays: spec.retentionDays ?? null,
      returnAfterDays: spec.returnAfterDays ?? null,
    };
  }
}
