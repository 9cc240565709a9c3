import { ACCOUNT_TYPES } from '@qingshou/ledger';
import { ArrayNotEmpty, IsOptional, Matches } from 'class-validator';
import { LocalizedText } from './common.schema';
import { BehaviourSections } from './behaviour.section';
import { Nested, NestedList, OneOf, Optional, Required, Slug, Text } from './rules';
import { ParameterSpec } from './parameters.schema';
import { AssignmentSpec } from './assignment.schema';
import { DisputesSpec } from './disputes.schema';
import { PlansSpec } from './plans.schema';
import { SelfServiceSpec } from './self-service.schema';
import {
  CalendarSpec,
  ClassificationSpec,
  ContactRulesSpec,
  InterestSpec,
  ReasonCodesSpec,
} from './settings.schema';
import {
  ApprovalKindSpec,
  AttributeSpec,
  CostsSpec,
  RoleSpec,
  TaskKindSpec,
} from './declarations.schema';

export const PACK_ID = /^[a-z][a-z0-9-]{1,47}$/;

/**
 * pack.yaml, validated. Everything after the identity block is optional and defaults to
 * nothing (lists) or the platform defaults (calendar, contact rules, interest); the
 * behaviour sections live in BehaviourSections to keep each file short.
 */
export class PackSpec extends BehaviourSections {
  @Required()
  @Matches(PACK_ID, { message: 'must be a pack id: 2–48 lowercase letters, digits and dashes' })
  id!: string;

  /** Semantic version MAJOR.MINOR.PATCH, quoted in YAML. */
  @Required()
  version!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Optional()
  @Nested(() => LocalizedText)
  description?: LocalizedText;

  /** test packs are listed apart and never offered to a customer. */
  @IsOptional()
  @OneOf(['production', 'test'])
  audience: 'production' | 'test' = 'production';

  /** Which seed sections the rules follow (篇六…), for the README and the console. */
  @IsOptional()
  @Text(40)
  seedSections?: string;

  @IsOptional()
  @NestedList(() => ParameterSpec, 200)
  parameters: ParameterSpec[] = [];

  /** per-debtor: one case for all a debtor's accounts; per-account: one per account. */
  @IsOptional()
  @OneOf(['per-debtor', 'per-account'])
  caseScope: 'per-debtor' | 'per-account' = 'per-account';

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one account type' })
  @OneOf(ACCOUNT_TYPES, { each: true })
  accountTypes!: string[];

  /** Group types the pack works with (village, school, cohort, employer, branch). */
  @IsOptional()
  @Slug({ each: true })
  groupTypes: string[] = [];

  @IsOptional()
  @Nested(() => CalendarSpec)
  calendar: CalendarSpec = new CalendarSpec();

  @IsOptional()
  @Nested(() => ContactRulesSpec)
  contactRules: ContactRulesSpec = new ContactRulesSpec();

  @IsOptional()
  @Nested(() => InterestSpec)
  interest: InterestSpec = new InterestSpec();

  @IsOptional()
  @Nested(() => ClassificationSpec)
  classification: ClassificationSpec = new ClassificationSpec();

  @IsOptional()
  @Nested(() => ReasonCodesSpec)
  reasonCodes: ReasonCodesSpec = new ReasonCodesSpec();

  @IsOptional()
  @NestedList(() => RoleSpec, 50)
  roles: RoleSpec[] = [];

  /**
   * What the office calls the person who holds cases (业务员, 信贷员, 老师): the per-collector
   * breakdown's word on the dashboard and in reports (按业务员); absent, the platform's 催收员.
   */
  @Optional()
  @Nested(() => LocalizedText)
  collectorTitle?: LocalizedText;

  @IsOptional()
  @NestedList(() => TaskKindSpec, 100)
  taskKinds: TaskKindSpec[] = [];

  @IsOptional()
  @NestedList(() => AttributeSpec, 100)
  attributes: AttributeSpec[] = [];

  @IsOptional()
  @NestedList(() => ApprovalKindSpec, 100)
  approvals: ApprovalKindSpec[] = [];

  @Optional()
  @Nested(() => CostsSpec)
  costs?: CostsSpec;

  /** 分案规则: how 自动分案 assigns unassigned cases; absent: round-robin, no cap. */
  @IsOptional()
  @Nested(() => AssignmentSpec)
  assignment: AssignmentSpec = new AssignmentSpec();

  /** 异议: which disputes the office takes, what they pause, who decides; absent: platform defaults. */
  @Optional()
  @Nested(() => DisputesSpec)
  disputes?: DisputesSpec;

  /** 还款计划: the rules a repayment plan must keep; absent: the tenant agrees no plans. */
  @Optional()
  @Nested(() => PlansSpec)
  plans?: PlansSpec;

  /** 自助页面: the debtor's own page (links, verification, what they may do); absent: none. */
  @Optional()
  @Nested(() => SelfServiceSpec)
  selfService?: SelfServiceSpec;
}
