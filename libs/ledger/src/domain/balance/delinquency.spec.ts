import { agingBucket, DEFAULT_AGING_BUCKETS } from './aging-bucket';
import { isNonPerforming, LOAN_CLASS_ZH, loanClass, loanClassFromZh } from './loan-class';

describe('aging buckets 账龄 and five-category class 五级分类', () => {
  it.each([
    [0, 'M0'],
    [1, 'M1'],
    [30, 'M1'],
    [31, 'M2'],
    [60, 'M2'],
    [61, 'M3'],
    [90, 'M3'],
    [91, 'M4'],
    [121, 'M5'],
    [150, 'M5'],
    [151, 'M6'],
    [180, 'M6'],
    [181, 'M6+'],
    [1000, 'M6+'],
  ])('%i days past due → %s (30-day buckets, > 180 is M6+)', (dpd, bucket) => {
    expect(agingBucket(dpd)).toBe(bucket);
  });

  it.each([
    [0, 'pass'],
    [1, 'special-mention'],
    [90, 'special-mention'],
    [91, 'substandard'],
    [180, 'substandard'],
    [181, 'doubtful'],
    [360, 'doubtful'],
    [361, 'loss'],
  ])('%i days past due → %s', (dpd, cls) => {
    expect(loanClass(dpd)).toBe(cls);
  });

  it('non-performing = substandard + doubtful + loss; 关注 is not NPL', () => {
    expect(isNonPerforming('substandard')).toBe(true);
    expect(isNonPerforming('loss')).toBe(true);
    expect(isNonPerforming('special-mention')).toBe(false);
    expect(LOAN_CLASS_ZH.doubtful).toBe('可疑');
    expect(loanClassFromZh('次级')).toBe('substandard');
  });

  it('refuses band tables that do not start at 0 or do not increase, and negative DPD', () => {
    expect(() => agingBucket(5, [{ label: 'X', minDpd: 1 }])).toThrow(/start at 0/);
    expect(() =>
      agingBucket(5, [
        { label: 'A', minDpd: 0 },
        { label: 'B', minDpd: 0 },
      ]),
    ).toThrow(/must start after/);
    expect(() => agingBucket(-1)).toThrow(/≥ 0/);
    expect(DEFAULT_AGING_BUCKETS).toHaveLength(8);
  });
});
