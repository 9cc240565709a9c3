import { IsOptional } from 'class-validator';
import { ApprovalRef, LocalizedText, RoleRef } from '../../schema/common.schema';
import { RefTo, ValueOrParam } from '../../schema/field-decorators';
import { Int, Nested, OneOf, Optional, Required, Slug } from '../../schema/rules';
import type { RelativeProblem } from '../../registry/registry.types';
import { PARTIES } from '../../registry/vocabularies';
import { approverProblems, defineAction, wrapShorthand } from './action-definition';

export const TASK_UNTIL = ['stage-exit', 'paid', 'done'] as const;

export class TaskArgs {
  /** A platform kind (call, visit, letter, contact-guarantor, review, other) or one in taskKinds. */
  @Required()
  @RefTo('taskKind')
  kind!: string;

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  /** Due this long after the trigger (stage entry, event, phase start); default at once. */
  @ValueOrParam('duration')
  due?: string;

  /** Repeat at this cadence while the stage lasts, or `until` says otherwise. */
  @ValueOrParam('duration')
  every?: string;

  @IsOptional()
  @OneOf(TASK_UNTIL)
  until?: string;

  /** Time to complete, counted in working time on the tenant's calendar. */
  @ValueOrParam('workingDuration')
  sla?: string;

  /** Who does it; default the case's collector. */
  @Optional()
  @RoleRef()
  role?: string;

  @Optional()
  @OneOf(PARTIES)
  party?: string;

  /** What the worker confirms, e.g. check-business, explain-credit-report (篇六 day 0). */
  @Optional()
  @Slug({ each: true })
  checklist?: string[];

  /** What the task must leave behind, e.g. recording, visit-summary, written-commitment. */
  @Optional()
  @Slug({ each: true })
  deliverables?: string[];

  /** A count to reach, e.g. 100 posters (篇三 宣传动员). */
  @Optional()
  @Int(1, 100000)
  quantity?: number;

  /** Moving the due date needs this approval (篇八: extension by the supervisor). */
  @Optional()
  @Nested(() => ApprovalRef)
  extension?: ApprovalRef;

  refine(): RelativeProblem[] {
    const problems: RelativeProblem[] = [];
    if (this.every !== undefined && /^0 /.test(this.every)) {
      problems.push({ path: 'every', reason: 'must be at least 1 day' });
    }
    if (this.until !== undefined && this.every === undefined) {
      problems.push({ path: 'until', reason: 'only a repeating task (every) has an until' });
    }
    if (this.extension) problems.push(...approverProblems(this.extension, 'extension'));
    return problems;
  }
}

export const taskAction = defineAction({
  args: TaskArgs,
  summary: {
    zh: '生成任务（可重复、带时限、指定角色）',
    en: 'Create a task (optionally repeating, with an SLA and a role)',
  },
  example:
    "task: { kind: call, every: 1d, until: paid, sla: '2 working hours' }   # or task: visit",
  normalize: (v: unknown) => wrapShorthand('kind', v),
});
