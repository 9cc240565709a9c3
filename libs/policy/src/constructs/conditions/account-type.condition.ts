import { ArrayNotEmpty } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { listShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { slugArray } from '../sql/sql-values';

export class AccountTypeArgs {
  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @RefTo('accountType', { each: true })
  in!: string[];
}

export const accountTypeCondition = defineCondition({
  args: AccountTypeArgs,
  summary: {
    zh: '账户类型属于（须在 accountTypes 中声明）',
    en: 'Account type is one of (declared in accountTypes)',
  },
  example: 'accountType: [employer-contribution]',
  normalize: listShorthand,
  facts: ['accountTypes'],
  judge: (a, { facts }) => facts.accountTypes.some((type) => a.in.includes(type)),
  sql: (a) => `s.account_types && ${slugArray(a.in)}`,
});
