import { ROLES } from '@qingshou/core';
import { IsOptional } from 'class-validator';
import type { RelativeProblem } from '../registry/registry.types';
import { PLATFORM_TASK_KINDS } from '../registry/vocabularies';
import { LocalizedText, RoleRef } from './common.schema';
import { ValueOrParam } from './field-decorators';
import { CodeLabel } from './parameters.schema';
import { Bool, Nested, NestedList, OneOf, Optional, Required, Slug } from './rules';

/** What a pack declares for others to refer to: roles, task kinds, attributes, approvals, costs. */

export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'platform-admin');

/** A role label of the seed (组长, 副组长, 常务副总) mapped onto a platform role. */
export class RoleSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @OneOf(ASSIGNABLE_ROLES)
  platformRole!: string;

  /** What the role does, as the seed lists it; tasks carry the enforceable part. */
  @Optional()
  @NestedList(() => LocalizedText, 50)
  duties?: LocalizedText[];

  refine(): RelativeProblem[] {
    return (ROLES as readonly string[]).includes(this.id)
      ? [{ path: 'id', reason: `"${this.id}" is a platform role; a pack role needs its own id` }]
      : [];
  }
}

/** A pack's own task kind, carried on a platform kind (collection stores the base). */
export class TaskKindSpec {
  @Required()
  @Slug()
  code!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @OneOf(PLATFORM_TASK_KINDS)
  base!: string;

  /**
   * What completing it records when that is a choice (issue 11 §7: 摸底 the debtor's
   * situation, 认定 the determined class): one is required to complete it.
   */
  @Optional()
  @NestedList(() => CodeLabel, 30)
  results?: CodeLabel[];
}

/** Something the collector records about a debtor, account or case (资金状况, 信用等级, 责任人). */
export class AttributeSpec {
  @Required()
  @Slug()
  key!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @OneOf(['debtor', 'account', 'case'])
  subject!: string;

  @Required()
  @OneOf(['enum', 'text', 'date', 'amount', 'user'])
  type!: string;

  @Optional()
  @NestedList(() => CodeLabel, 50)
  values?: CodeLabel[];

  @IsOptional()
  @Bool()
  required: boolean = false;

  refine(): RelativeProblem[] {
    if ((this.type === 'enum') !== (this.values !== undefined && this.values.length > 0)) {
      return [
        { path: 'values', reason: 'an enum attribute lists its values; other types have none' },
      ];
    }
    return [];
  }
}

/** An approval the pack uses, with its approver: actions may then name just the kind. */
export class ApprovalKindSpec {
  @Required()
  @Slug()
  kind!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @RoleRef()
  by!: string;

  @Optional()
  @Slug({ each: true })
  fields?: string[];

  @ValueOrParam('workingDuration')
  sla?: string;
}

export class CostApprovalSpec {
  @Required()
  @ValueOrParam('decimal', { min: 0 })
  above!: string;

  @Required()
  @RoleRef()
  by!: string;
}

/** 篇一 第四步: costs booked to cases, kept low, approved above a threshold. */
export class CostsSpec {
  @IsOptional()
  @Bool()
  allocateToCases: boolean = true;

  @Optional()
  @Slug({ each: true })
  categories?: string[];

  @Optional()
  @Nested(() => CostApprovalSpec)
  approval?: CostApprovalSpec;
}
