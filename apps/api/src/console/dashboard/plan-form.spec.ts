import { planAmount, planChanges } from './plan-form';

const plans = {
  asOf: '2012-08-13',
  window: { start: '2012-05-15', end: '2012-12-17', drive: true },
  rows: [
    { groupType: 'tenant', groupId: 't', code: '', name: '联社', amount: '1000000.00' },
    { groupType: 'village', groupId: 'v1', code: 'V01', name: '前营村', amount: '80000.00' },
    { groupType: 'village', groupId: 'v2', code: 'V02', name: '北岭村', amount: null },
    { groupType: 'village', groupId: 'v3', code: 'V03', name: '东庄村', amount: null },
  ],
};

describe('清收计划 form: what the leader typed becomes RecordKpiInput per changed village', () => {
  it('reads amounts as the office writes them: 12,000 → 12000.00; 0, -5 and 1.234 are refused', () => {
    expect(planAmount('12,000')).toBe('12000.00');
    expect(planAmount('80000.5')).toBe('80000.50');
    expect(planAmount(' 3 000 ')).toBe('3000.00');
    expect([planAmount('0'), planAmount('-5'), planAmount('1.234'), planAmount('十万')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('a blank field and an unchanged plan record nothing; a new or changed plan is recorded; a bad one is an error at its field', () => {
    const read = planChanges(plans, {
      p_t: '1,000,000.00',
      p_v1: '90000',
      p_v2: '',
      p_v3: 'abc',
    });
    expect(read.changes).toEqual([{ groupType: 'village', groupId: 'v1', amount: '90000.00' }]);
    expect(read.errors).toEqual({ v3: 'plans.badAmount' });
    expect(read.values).toMatchObject({ v1: '90000', v3: 'abc' });
  });
});
