import { RefTo } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { defineAction, wrapShorthand } from './action-definition';

export class FlagActionArgs {
  @Required()
  @RefTo('flag')
  flag!: string;
}

export const setFlagAction = defineAction({
  args: FlagActionArgs,
  summary: { zh: '设置标记或惩戒', en: 'Set a flag or sanction' },
  example: 'setFlag: credit-hold',
  normalize: (v: unknown) => wrapShorthand('flag', v),
});

export const clearFlagAction = defineAction({
  args: FlagActionArgs,
  summary: { zh: '清除标记', en: 'Clear a flag' },
  example: 'clearFlag: credit-hold',
  normalize: (v: unknown) => wrapShorthand('flag', v),
});
