import { agingModel } from './dashboard-model';

const t = (key: string) => key;

describe('账龄分布 on the dashboard (issue 13 §4)', () => {
  it('accounts not overdue are a count apart, never a leading "M0 ¥0.00" bar', () => {
    const model = agingModel(t, [
      { bucket: '未逾期', overdue: false, minDpd: 0, accounts: 533, amountDue: '0.00' },
      { bucket: '逾期1年内', overdue: true, minDpd: 3, accounts: 56, amountDue: '23595.40' },
      { bucket: '逾期1-2年', overdue: true, minDpd: 370, accounts: 11, amountDue: '7631.52' },
    ]);
    expect(model.current).toBe(533);
    expect(model.rows.map((r) => r.bucket)).toEqual(['逾期1年内', '逾期1-2年']);
    const option = model.option as { xAxis: { data: string[] } | { data: string[] }[] };
    const axis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    expect(axis.data).toEqual(['逾期1年内', '逾期1-2年']);
  });

  it('a book with nothing overdue has no chart, only the count', () => {
    const model = agingModel(t, [
      { bucket: 'M0', overdue: false, minDpd: 0, accounts: 40, amountDue: '0.00' },
    ]);
    expect(model.option).toBeNull();
    expect(model.current).toBe(40);
  });
});
