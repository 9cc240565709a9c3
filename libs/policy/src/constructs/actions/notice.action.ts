import { ArrayNotEmpty, IsOptional } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { OneOf, Optional, Required } from '../../schema/rules';
import { NOTICE_CHANNELS, NOTICE_RECIPIENTS } from '../../registry/vocabularies';
import { defineAction, isPlainObject, wrapShorthand } from './action-definition';

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

/** `to: debtor` → `to: [debtor]`. */
function noticeShorthand(value: unknown): unknown {
  const wrapped = wrapShorthand('template', value);
  if (isPlainObject(wrapped) && typeof wrapped.to === 'string')
    return { ...wrapped, to: [wrapped.to] };
  return wrapped;
}

export const noticeAction = defineAction({
  args: NoticeArgs,
  summary: { zh: '发出通知书（模板）', en: 'Issue a notice from a template' },
  example: 'notice: { template: overdue-demand, to: [debtor, guarantor] }',
  normalize: noticeShorthand,
});
