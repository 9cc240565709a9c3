import { LocalizedText, RoleRef } from '../../schema/common.schema';
import { Nested, Optional, Required } from '../../schema/rules';
import { defineAction, wrapShorthand } from './action-definition';

export class NotifyRoleArgs {
  @Required()
  @RoleRef()
  role!: string;

  @Optional()
  @Nested(() => LocalizedText)
  message?: LocalizedText;
}

export const notifyRoleAction = defineAction({
  args: NotifyRoleArgs,
  summary: { zh: '通知某角色', en: 'Notify a role' },
  example: 'notifyRole: { role: manager, message: { zh: 客户拒付, en: Customer refuses to pay } }',
  normalize: (v: unknown) => wrapShorthand('role', v),
});
