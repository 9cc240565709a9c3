import { AccountChunkRules } from './chunk-rules';

const row = (n: number, ref: string, id: string, principal = '100.00') => ({
  row_no: n,
  external_ref: ref,
  id_number: id,
  principal,
  account_id: `acc-${n}`,
  debtor_id: `deb-${n}`,
  debtor_first: true,
  account_repeat: false,
});

describe('rules across the rows of a chunk', () => {
  it('a debtor’s second account shares the first row’s debtor id, and only the first row creates it', () => {
    const rules = new AccountChunkRules((f) => f);
    const a = row(2, 'HT-1', 'ID-1');
    const b = row(3, 'HT-2', 'ID-1');
    expect(rules.admit(a)).toBeNull();
    expect(rules.admit(b)).toBeNull();
    expect(b).toMatchObject({ debtor_id: 'deb-2', debtor_first: false, account_repeat: false });
    expect(a.debtor_first).toBe(true);
  });

  it('a repeated reference with the same data shares the account; with another principal it is refused', () => {
    const rules = new AccountChunkRules(() => '合同编号');
    rules.admit(row(2, 'HT-1', 'ID-1'));
    const same = row(3, 'HT-1', 'ID-1');
    expect(rules.admit(same)).toBeNull();
    expect(same).toMatchObject({ account_id: 'acc-2', account_repeat: true });
    expect(rules.admit(row(4, 'HT-1', 'ID-1', '200.00'))).toMatchObject({
      row: 4,
      column: '合同编号',
      value: 'HT-1',
      reasonZh: '该编号与本文件第 2 行重复且内容不同，本行未导入',
    });
  });
});
