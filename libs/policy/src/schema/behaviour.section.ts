import { IsOptional } from 'class-validator';
import { DriveSpec } from './drives.schema';
import { ImportMappingSpec, NoticeSpec, ReportSpec, RetentionSpec } from './documents.schema';
import { ReminderSpec, RoutineSpec, RuleSpec, StageSpec } from './ladder.schema';
import { FlagSpec, IncentiveSpec, RatingSpec, TargetSpec } from './outcomes.schema';
import { NestedList } from './rules';

/** The behaviour sections of a pack: what happens to cases, and what is measured and kept. */
export class BehaviourSections {
  @IsOptional()
  @NestedList(() => StageSpec, 100)
  stages: StageSpec[] = [];

  @IsOptional()
  @NestedList(() => RuleSpec, 200)
  rules: RuleSpec[] = [];

  @IsOptional()
  @NestedList(() => ReminderSpec, 20)
  reminders: ReminderSpec[] = [];

  @IsOptional()
  @NestedList(() => RoutineSpec, 100)
  routines: RoutineSpec[] = [];

  @IsOptional()
  @NestedList(() => TargetSpec, 100)
  targets: TargetSpec[] = [];

  @IsOptional()
  @NestedList(() => IncentiveSpec, 50)
  incentives: IncentiveSpec[] = [];

  @IsOptional()
  @NestedList(() => RatingSpec, 20)
  ratings: RatingSpec[] = [];

  @IsOptional()
  @NestedList(() => FlagSpec, 50)
  flags: FlagSpec[] = [];

  @IsOptional()
  @NestedList(() => DriveSpec, 10)
  drives: DriveSpec[] = [];

  @IsOptional()
  @NestedList(() => NoticeSpec, 100)
  notices: NoticeSpec[] = [];

  @IsOptional()
  @NestedList(() => ReportSpec, 100)
  reports: ReportSpec[] = [];

  @IsOptional()
  @NestedList(() => RetentionSpec, 20)
  retention: RetentionSpec[] = [];

  @IsOptional()
  @NestedList(() => ImportMappingSpec, 50)
  importMappings: ImportMappingSpec[] = [];
}
