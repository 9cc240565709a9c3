import type { KpiSnapshotPoint } from '@qingshou/outcomes';
import { niceCeiling, plotValue, sameArgs, targetChart } from './dashboard-charts';

const point = (asOf: string, groupId: string, value: string | null, args = { thresholdDays: 90 }) =>
  ({
    asOf,
    args,
    groupType: 'school',
    groupId,
    groupCode: groupId,
    groupName: `学校${groupId}`,
    value,
    display: null,
    numerator: null,
    denominator: null,
  }) as KpiSnapshotPoint;

const SPEC = {
  metric: 'defaultRate',
  unit: 'ratio',
  args: { thresholdDays: 90 },
  groupType: 'school',
  bound: { max: '0.05' },
};
const TEXT = { boundLabel: '上限 5.00%', valueAxis: '%' };

type Option = {
  xAxis: { data: string[] };
  yAxis: { max: number };
  series: { name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];
};

describe('dashboard target charts', () => {
  it('draws the 5% default-rate bound as a markLine at 5 (percent), once', () => {
    const option = targetChart(
      SPEC,
      [
        point('2026-11-01', 'a', '0.031'),
        point('2026-11-02', 'a', '0.0425'),
        point('2026-11-02', 'b', '0.08'),
      ],
      TEXT,
    ) as Option;
    expect(option.series[0].markLine?.data[0].yAxis).toBe(5);
    expect(option.series.filter((s) => s.markLine)).toHaveLength(1);
    // Worst group first (b at 8% over the bound), dates aligned, a missing day is null.
    expect(option.series.map((s) => s.name)).toEqual(['学校b', '学校a']);
    expect(option.xAxis.data).toEqual(['2026-11-01', '2026-11-02']);
    expect(option.series[0].data).toEqual([null, 8]);
    expect(option.series[1].data).toEqual([3.1, 4.25]);
  });

  it('keeps the bound on the axis when every school is far below it (axis top 6 for 5%)', () => {
    const option = targetChart(SPEC, [point('2026-11-02', 'a', '0.001')], TEXT) as Option;
    expect(option.yAxis.max).toBe(6);
    expect(option.series[0].data).toEqual([0.1]);
  });

  it('ignores snapshots of other arguments or breakdowns, and gives null when none is left', () => {
    const other = point('2026-11-02', 'a', '0.2', { thresholdDays: 30 });
    expect(targetChart(SPEC, [other], TEXT)).toBeNull();
    expect(
      targetChart({ ...SPEC, groupType: 'cohort' }, [point('2026-11-02', 'a', '0.2')], TEXT),
    ).toBeNull();
  });

  it('compares arguments by content, not key order', () => {
    expect(sameArgs({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameArgs({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('plots ratios as percent to 0.01 and rounds the axis top up', () => {
    expect(plotValue('ratio', '0.123456')).toBe(12.35);
    expect(plotValue('amount', '1234.567')).toBe(1234.57);
    expect(plotValue('ratio', null)).toBeNull();
    expect([niceCeiling(5.75), niceCeiling(57), niceCeiling(1234), niceCeiling(0)]).toEqual([
      6, 60, 1500, 1,
    ]);
  });
});
