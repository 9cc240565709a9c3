import { IsOptional } from 'class-validator';
import type { ActionSpec } from '../registry/actions';
import type { ConditionSpec } from '../registry/conditions';
import { LocalizedText, ScheduleSpec } from './common.schema';
import { ActionsField, ConditionField, RefTo, ValueOrParam } from './field-decorators';
import { Nested, OneOf, Optional, Required, Slug } from './rules';

/** Actions that need no case: what routines and drive phases may do by themselves. */
export const TENANT_LEVEL_ACTIONS = ['task', 'notifyRole', 'publishList'] as const;

/**
 * One rung of the escalation ladder. A case stands in the LAST stage, in list order, whose
 * `when` holds on the evaluation date; entering it fires its actions once (tasks with
 * `every` repeat while it lasts). A case that arrives late (imported at DPD 40) never
 * back-fires earlier stages; `catchUp` says whether this stage's own entry actions fire.
 */
export class StageSpec {
  @Required()
  @Slug()
  id!: string;

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  @Required()
  @ConditionField()
  when!: ConditionSpec;

  @ActionsField()
  do: ActionSpec[] = [];

  /** fire: on late entry this stage's entry actions still fire; skip: only its repeats start. */
  @IsOptional()
  @OneOf(['fire', 'skip'])
  catchUp: 'fire' | 'skip' = 'fire';
}

/** When an event happens on a case (assigned, handed over, visit done), do this. */
export class RuleSpec {
  @Required()
  @Slug()
  id!: string;

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  @Required()
  @RefTo('event')
  on!: string;

  @ConditionField()
  when?: ConditionSpec;

  @Required()
  @ActionsField()
  do!: ActionSpec[];
}

/** Before each installment falls due (student loans: 到期提醒). */
export class ReminderSpec {
  @Required()
  @Slug()
  id!: string;

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  @Required()
  @ValueOrParam('integer', { min: 0, max: 366 })
  daysBefore!: number;

  @ConditionField()
  when?: ConditionSpec;

  @Required()
  @ActionsField(['notice', 'task'])
  do!: ActionSpec[];
}

/** Recurring duties not tied to one case: the weekly clean-up, the daily visit list. */
export class RoutineSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @Nested(() => ScheduleSpec)
  schedule!: ScheduleSpec;

  /** One task for the tenant, one per collector, or one per member of the task's role. */
  @IsOptional()
  @OneOf(['tenant', 'collector', 'role'])
  per: string = 'tenant';

  @Required()
  @ActionsField(TENANT_LEVEL_ACTIONS)
  do!: ActionSpec[];
}
