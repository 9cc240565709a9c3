import { ArrayNotEmpty, IsOptional } from 'class-validator';
import type { ActionSpec } from '../registry/actions';
import type { ConditionSpec } from '../registry/conditions';
import type { RelativeProblem } from '../registry/registry.types';
import { ApprovalRef, LocalizedText, RoleRef, ScheduleSpec } from './common.schema';
import { ActionsField, ConditionField, RefTo, ValueOrParam } from './field-decorators';
import { TENANT_LEVEL_ACTIONS } from './ladder.schema';
import { Bool, Int, Nested, NestedList, OneOf, Optional, Required, Slug } from './rules';

/** Something a phase must produce: the NPL statistics table (摸底), posters, a review memo. */
export class DeliverableSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Optional()
  @RoleRef()
  role?: string;

  /** One per case in the drive's scope (a row per loan), rather than one for the drive. */
  @IsOptional()
  @Bool()
  perCase: boolean = false;

  @Optional()
  @Int(1, 100000)
  quantity?: number;
}

/**
 * A dated phase. The first phase needs `start`; a later one starts when the one before
 * ends unless it says otherwise. Length is `days` or an `end` date (inclusive).
 */
export class PhaseSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @ValueOrParam('date')
  start?: string;

  @ValueOrParam('date')
  end?: string;

  @ValueOrParam('integer', { min: 1, max: 1000 })
  days?: number;

  /** Done once when the phase opens: meetings, posters, banners. */
  @ActionsField(TENANT_LEVEL_ACTIONS)
  tasks: ActionSpec[] = [];

  /** Done for each case in the drive's scope when the phase opens (every debtor notified). */
  @ActionsField()
  caseActions: ActionSpec[] = [];

  @IsOptional()
  @NestedList(() => DeliverableSpec, 50)
  deliverables: DeliverableSpec[] = [];

  /** Targets (by id, from `targets`) judged at the end of the phase. */
  @IsOptional()
  @RefTo('target', { each: true })
  targets: string[] = [];

  refine(): RelativeProblem[] {
    if ((this.end === undefined) === (this.days === undefined)) {
      return [{ path: '', reason: 'needs exactly one of end or days' }];
    }
    if (this.start && this.end && this.end < this.start) {
      return [{ path: 'end', reason: `must be on or after start (${this.start})` }];
    }
    return [];
  }
}

/** A scheduled progress publication (定期公布清收进度). Public ones need an approval. */
export class PublicationSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @RefTo('report')
  report!: string;

  @Required()
  @Nested(() => ScheduleSpec)
  schedule!: ScheduleSpec;

  @IsOptional()
  @OneOf(['internal', 'public'])
  audience: string = 'internal';

  @Optional()
  @Nested(() => ApprovalRef)
  approval?: ApprovalRef;

  refine(): RelativeProblem[] {
    return this.audience === 'public' && !this.approval
      ? [{ path: 'approval', reason: 'a public publication always needs an approval' }]
      : [];
  }
}

/** A campaign (篇三 集中清收): scope, dated phases, publications. */
export class DriveSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  /** Which cases the drive covers; absent, every open case. */
  @ConditionField()
  scope?: ConditionSpec;

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one phase' })
  @NestedList(() => PhaseSpec, 20)
  phases!: PhaseSpec[];

  @IsOptional()
  @NestedList(() => PublicationSpec, 20)
  publications: PublicationSpec[] = [];

  refine(): RelativeProblem[] {
    const problems: RelativeProblem[] = [];
    if (this.phases[0] && this.phases[0].start === undefined) {
      problems.push({ path: 'phases[0].start', reason: 'the first phase needs a start date' });
    }
    let previousEnd: string | undefined;
    this.phases.forEach((phase, i) => {
      if (typeof phase.start === 'string' && previousEnd && phase.start < previousEnd) {
        problems.push({
          path: `phases[${i}].start`,
          reason: `overlaps the phase before, which ends ${previousEnd}`,
        });
      }
      previousEnd = typeof phase.end === 'string' ? phase.end : previousEnd;
    });
    return problems;
  }
}
