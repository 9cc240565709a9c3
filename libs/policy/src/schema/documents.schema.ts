import { ArrayNotEmpty, IsDefined, IsOptional, Matches } from 'class-validator';
import type { ConditionSpec } from '../registry/conditions';
import type { RelativeProblem } from '../registry/registry.types';
import { REPORT_COLUMNS } from '../registry/vocabularies';
import { ApprovalRef, LocalizedText, ScheduleSpec } from './common.schema';
import { ConditionField, MetricArgsField, RefTo, ValueOrParam } from './field-decorators';
import { parserProblem } from './field-parser';
import { Bool, CAMEL, Nested, NestedList, OneOf, Optional, Required, Slug, Texts } from './rules';

/** 篇五: "10 days from signed receipt; refused or undeliverable: from 3 days after sending". */
export class DeliverySpec {
  @Required()
  @ValueOrParam('integer', { min: 1, max: 366 })
  periodDays!: number;

  @IsOptional()
  @OneOf(['sent', 'signed'])
  from: string = 'signed';

  @ValueOrParam('integer', { min: 0, max: 60 })
  fallbackOffsetDays?: number;
}

export class ReplySlipSpec {
  @Required()
  @ValueOrParam('integer', { min: 1, max: 366 })
  returnWithinDays!: number;
}

/** How a template is delivered, counted and gated. Keyed by the template's name. */
export class NoticeSpec {
  @Required()
  @RefTo('template')
  template!: string;

  @Optional()
  @Nested(() => DeliverySpec)
  delivery?: DeliverySpec;

  /** 篇一: statements go out with a reply slip the customer must return. */
  @Optional()
  @Nested(() => ReplySlipSpec)
  replySlip?: ReplySlipSpec;

  /** Must be granted before it goes out (篇一: AR figures reconciled with finance first). */
  @Optional()
  @Nested(() => ApprovalRef)
  approval?: ApprovalRef;
}

export class MetricRef {
  @Required()
  @RefTo('metric')
  metric!: string;

  @MetricArgsField()
  args?: object;
}

export class ListSpec {
  @Required()
  @OneOf(['cases', 'debtors', 'accounts', 'flags', 'tasks', 'payments', 'groups'])
  of!: string;

  @ConditionField()
  when?: ConditionSpec;

  @Optional()
  @RefTo('flag')
  flag?: string;
}

/** A scheduled report: metrics against targets, a list with columns, approvals. */
export class ReportSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @Nested(() => ScheduleSpec)
  schedule!: ScheduleSpec;

  @IsOptional()
  @ArrayNotEmpty({ message: 'must list at least one breakdown' })
  @RefTo('scope', { each: true })
  per: string[] = ['tenant'];

  @IsOptional()
  @NestedList(() => MetricRef, 30)
  metrics: MetricRef[] = [];

  @IsOptional()
  @RefTo('target', { each: true })
  targets: string[] = [];

  @IsOptional()
  @OneOf(Object.keys(REPORT_COLUMNS), { each: true })
  columns: string[] = [];

  @Optional()
  @Nested(() => ListSpec)
  list?: ListSpec;

  /** In order: approved by the manager, then checked by finance (篇一 第二步 2). */
  @IsOptional()
  @NestedList(() => ApprovalRef, 5)
  approvals: ApprovalRef[] = [];

  @IsOptional()
  @RefTo('role', { each: true })
  recipients: string[] = [];

  /** Compare with a file imported through this mapping (篇八: the bank's repayments). */
  @Optional()
  @RefTo('importMapping')
  reconcileWith?: string;
}

export const RETAINED_DATA = [
  'cases',
  'contacts',
  'recordings',
  'documents',
  'notices',
  'payments',
  'personal-data',
] as const;

/** 篇八: case data kept 5 years after the client agreement ends, then purged unless on hold. */
export class RetentionSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one kind of data' })
  @OneOf(RETAINED_DATA, { each: true })
  data!: string[];

  @Required()
  @ValueOrParam('integer', { min: 1, max: 100 })
  years!: number;

  /** The event the years count from (agreementEnded, caseClosed). */
  @Required()
  @RefTo('event')
  from!: string;

  @IsOptional()
  @OneOf(['purge', 'anonymise'])
  then: string = 'purge';

  /** A legal hold (an open legal matter) suspends the purge. */
  @IsOptional()
  @Bool()
  legalHold: boolean = true;
}

/** The same shape as ColumnSpec in libs/core/src/tabular/column-mapping.types.ts. */
export class ColumnSpecSchema {
  @Required()
  @Matches(CAMEL, { message: 'must be a camelCase canonical field name' })
  field!: string;

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one header' })
  @Texts(100)
  headers!: string[];

  @Required()
  @Bool()
  required!: boolean;

  @IsDefined({ message: 'is required' })
  parse!: unknown;

  refine(): RelativeProblem[] {
    const problem = parserProblem(this.parse);
    return problem ? [{ path: 'parse', reason: problem }] : [];
  }
}

/** The Chinese column headers such an office uses, mapped to canonical fields. */
export class ImportMappingSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @OneOf(['debtors', 'accounts', 'payments', 'contributions', 'groups', 'cases'])
  target!: string;

  /** versioned: each file is a numbered batch from the client (篇八), kept side by side. */
  @IsOptional()
  @OneOf(['single', 'versioned'])
  batches: string = 'single';

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one column' })
  @NestedList(() => ColumnSpecSchema, 200)
  columns!: ColumnSpecSchema[];
}
