import { LocalizedText } from '../../schema/common.schema';
import { Nested, Optional } from '../../schema/rules';
import { defineAction, emptyShorthand } from './action-definition';

export class BlacklistOnSettlementArgs {
  @Optional()
  @Nested(() => LocalizedText)
  reason?: LocalizedText;
}

/** The engine records the intent; the case is blacklisted when it settles. */
export const blacklistOnSettlementAction = defineAction({
  args: BlacklistOnSettlementArgs,
  summary: {
    zh: '结清后列入黑名单，不再放贷',
    en: 'Blacklist the debtor once settled: no new loans',
  },
  example: 'blacklistOnSettlement: {}',
  normalize: emptyShorthand,
});
