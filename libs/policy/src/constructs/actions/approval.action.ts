import { ApprovalRef } from '../../schema/common.schema';
import { ValueOrParam } from '../../schema/field-decorators';
import type { RelativeProblem } from '../../registry/registry.types';
import { approverProblems, defineAction, wrapShorthand } from './action-definition';

export class ApprovalArgs extends ApprovalRef {
  @ValueOrParam('workingDuration')
  sla?: string;

  refine(): RelativeProblem[] {
    return this.kind ? approverProblems(this, '') : [{ path: 'kind', reason: 'is required' }];
  }
}

export const approvalAction = defineAction({
  args: ApprovalArgs,
  summary: { zh: '请求某角色审批', en: 'Request an approval from a role' },
  example: 'approval: { kind: legal-referral, by: legal }',
  normalize: (v: unknown) => wrapShorthand('kind', v),
});
