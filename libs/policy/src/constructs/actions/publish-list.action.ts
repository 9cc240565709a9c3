import { IsOptional } from 'class-validator';
import { ApprovalRef } from '../../schema/common.schema';
import { RefTo } from '../../schema/field-decorators';
import { Nested, OneOf, Required } from '../../schema/rules';
import type { RelativeProblem } from '../../registry/registry.types';
import { approverProblems, defineAction } from './action-definition';

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

export const publishListAction = defineAction({
  args: PublishListArgs,
  summary: { zh: '公布名单（必须先审批）', en: 'Publish a list (always behind an approval)' },
  example:
    'publishList: { list: bad-faith-defaulters, approval: { kind: publish-list, by: manager } }',
});
