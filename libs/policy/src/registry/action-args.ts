import { ArrayNotEmpty, IsOptional } from 'class-validator';
import { ApprovalRef, LocalizedText, RoleRef } from '../schema/common.schema';
import { RefTo, ValueOrParam } from '../schema/field-decorators';
import { Bool, Int, Nested, OneOf, Optional, Required, Slug } from '../schema/rules';
import { validationContext } from '../schema/validation-context';
import { RelativeProblem } from './registry.types';
import { LEGAL_STEPS, NOTICE_CHANNELS, NOTICE_RECIPIENTS, PARTIES } from './vocabularies';

/** The argument classes of ACTIONS; actions.ts holds the entries and their docs. */

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

/** An approval must name who approves, here or in the pack's `approvals` list. */
export function approverProblems(ref: ApprovalRef, path: string): RelativeProblem[] {
  if (ref.by) return [];
  if (ref.kind && validationContext()?.approvalKindsWithApprover.has(ref.kind)) return [];
  return [
    {
      path: path ? `${path}.by` : 'by',
      reason: ref.kind
        ? `approval "${ref.kind}" is not declared under approvals; say who approves`
        : 'say who approves (by) or name a kind declared under approvals',
    },
  ];
}

export class NoticeArgs {
  @Required()
  @RefTo('template')
  template!: string;

  /** Recipients; default the debtor. Student loans: [debtor, co-borrower] (parents). */
  @IsOptional()
  @ArrayNotEmpty({ message: 'must list at least one party' })
  @OneOf(NOTICE_RECIPIENTS, { each: true })
  to: string[] = ['debtor'];

  /** Overrides the template's channel. */
  @Optional()
  @OneOf(NOTICE_CHANNELS)
  channel?: string;
}

export class ApprovalArgs extends ApprovalRef {
  @ValueOrParam('workingDuration')
  sla?: string;

  refine(): RelativeProblem[] {
    return this.kind ? approverProblems(this, '') : [{ path: 'kind', reason: 'is required' }];
  }
}

export class ContactGuarantorArgs {
  /** inform: tell the guarantor; pay: ask the guarantor to pay (篇六 6). */
  @IsOptional()
  @OneOf(['inform', 'pay'])
  ask: string = 'inform';

  @ValueOrParam('duration')
  due?: string;

  @ValueOrParam('duration')
  every?: string;
}

export class ReferToLegalArgs {
  @Optional()
  @OneOf(LEGAL_STEPS, { each: true })
  steps?: string[];

  /** Hand over the amounts owed with the file (篇一 第二步 4). */
  @IsOptional()
  @Bool()
  withAmounts: boolean = true;

  @Optional()
  @Nested(() => ApprovalRef)
  approval?: ApprovalRef;

  refine(): RelativeProblem[] {
    return this.approval ? approverProblems(this.approval, 'approval') : [];
  }
}

export class FlagActionArgs {
  @Required()
  @RefTo('flag')
  flag!: string;
}

export class BlacklistOnSettlementArgs {
  @Optional()
  @Nested(() => LocalizedText)
  reason?: LocalizedText;
}

export class NotifyRoleArgs {
  @Required()
  @RoleRef()
  role!: string;

  @Optional()
  @Nested(() => LocalizedText)
  message?: LocalizedText;
}

export class PublishListArgs {
  /** The report whose list is published. */
  @Required()
  @RefTo('report')
  list!: string;

  @IsOptional()
  @OneOf(['notice-board', 'public-web', 'internal'])
  channel: string = 'notice-board';

  /** Required: nothing is published without an approval. */
  @Required()
  @Nested(() => ApprovalRef)
  approval!: ApprovalRef;

  refine(): RelativeProblem[] {
    return this.approval ? approverProblems(this.approval, 'approval') : [];
  }
}
