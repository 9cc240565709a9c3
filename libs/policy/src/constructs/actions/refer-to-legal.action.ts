import { IsOptional } from 'class-validator';
import { ApprovalRef } from '../../schema/common.schema';
import { Bool, Nested, OneOf, Optional } from '../../schema/rules';
import type { RelativeProblem } from '../../registry/registry.types';
import { LEGAL_STEPS } from '../../registry/vocabularies';
import { approverProblems, defineAction, emptyShorthand } from './action-definition';

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

export const referToLegalAction = defineAction({
  args: ReferToLegalArgs,
  summary: {
    zh: '移交法务（可先审批）',
    en: 'Refer the case to legal, optionally behind an approval',
  },
  example: 'referToLegal: { steps: [filing, preservation], approval: { by: legal } }',
  normalize: emptyShorthand,
});
