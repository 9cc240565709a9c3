import { IsOptional } from 'class-validator';
import { ValueOrParam } from '../../schema/field-decorators';
import { OneOf } from '../../schema/rules';
import { defineAction, emptyShorthand } from './action-definition';

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

export const contactGuarantorAction = defineAction({
  args: ContactGuarantorArgs,
  summary: {
    zh: '联系担保人（告知或要求代偿）',
    en: 'Contact the guarantor (inform, or ask them to pay)',
  },
  example: 'contactGuarantor: { ask: pay }',
  normalize: emptyShorthand,
});
