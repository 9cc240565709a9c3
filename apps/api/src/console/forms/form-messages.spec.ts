import { fieldMessage } from './form-messages';

describe('a bad field is worded in Chinese at the field (议题 11)', () => {
  it('words class-validator constraints by their name', () => {
    expect(fieldMessage('zh', 'amount should not be empty', 'isNotEmpty')).toBe('请填写此项');
    expect(fieldMessage('zh', 'x must be one of: a, b', 'isIn')).toBe('请从列表中选择');
    expect(fieldMessage('zh', 'amount must be an amount in yuan', 'isYuanAmount')).toContain(
      '1,000.00',
    );
  });

  it('words a handler’s English reason by its shape, naming the other field', () => {
    expect(fieldMessage('zh', 'must not be before promisedOn')).toBe('不能早于承诺日期');
    expect(fieldMessage('zh', 'must not be before today')).toBe('不能早于今天');
    expect(fieldMessage('zh', 'note must be shorter than or equal to 2000 characters')).toBe(
      '最多 2000 个字',
    );
    expect(fieldMessage('zh', 'dueOn must be a calendar date written YYYY-MM-DD')).toContain(
      '请输入日期',
    );
  });

  it('keeps a Chinese reason and never shows an unknown English one', () => {
    expect(fieldMessage('zh', '本案件没有账户')).toBe('本案件没有账户');
    expect(
      fieldMessage('zh', '密码至少需要 8 个字符（password must be at least 8 characters）'),
    ).toBe('密码至少需要 8 个字符');
    expect(fieldMessage('zh', 'the frobnicator is cross')).toBe('填写有误，请检查后重试');
  });
});
