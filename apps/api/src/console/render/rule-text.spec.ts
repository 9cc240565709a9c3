import { ruleText } from './rule-text';

describe('a pack rule’s refusal in Chinese (议题 11 §8: no “规则 contact.allowed-hours：contact is allowed…”)', () => {
  it('names the rule and fills its figures', () => {
    expect(ruleText('zh', 'contact.allowed-hours', { start: '08:00', end: '21:00' })).toBe(
      '联系时段：只能在 08:00 至 21:00 之间联系',
    );
    expect(ruleText('zh', 'contact.max-attempts-per-day', { max: 3 })).toBe(
      '每日联系次数：每位债务人每天最多联系 3 次',
    );
    expect(ruleText('zh', 'contact.max-attempts-per-7-days', { max: 7 })).toContain('7 次');
  });

  it('names each allowed party in words, joined with 、', () => {
    expect(ruleText('zh', 'contact.allowed-parties', { parties: 'debtor,guarantor' })).toMatch(
      /^可联系对象：只能联系.+、.+$/,
    );
    expect(ruleText('zh', 'contact.allowed-parties', { parties: 'debtor,guarantor' })).not.toMatch(
      /debtor|guarantor/,
    );
  });

  it('a rule the catalogue lacks is named generically, never by its code', () => {
    expect(ruleText('zh', 'contact.some-new-rule', {})).toBe('联系规则不允许此次联系');
  });
});
