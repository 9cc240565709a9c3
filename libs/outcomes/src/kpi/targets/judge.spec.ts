import { asReported, display, judge } from './judge';

describe('a target is met, at risk or missed, with its gap', () => {
  it('篇二: a default rate of 2/40 = 5.00% meets "≤ 5%"; 3/40 = 7.50% misses it by 2.50%', () => {
    expect(judge('0.05', { max: '0.05' }, '0', false)).toEqual({
      status: 'met',
      gap: '0',
      stretchMet: false,
      stretchGap: '0.05',
    });
    const missed = judge('0.075', { max: '0.05' }, '0', false);
    expect([missed.status, display('ratio', missed.gap)]).toEqual(['missed', '2.50%']);
  });

  it('篇九: 2,093 of a 2,300 plan is 91.00% → met at "≥ 91%"; 77% before the year ends is at risk', () => {
    expect(judge('0.91', { min: '0.91' }, undefined, true).status).toBe('met');
    const short = judge('0.77', { min: '0.91' }, undefined, true);
    expect([short.status, display('ratio', short.gap)]).toEqual(['at-risk', '14.00%']);
    expect(judge('0.77', { min: '0.91' }, undefined, false).status).toBe('missed');
  });

  it('篇九 个贷率 in a band [82%, 95%]: 82% and 95% meet it; 315.45% is 220.45% too high, never met', () => {
    const band = { min: '0.82', max: '0.95' };
    expect(judge('0.82', band, undefined, false).status).toBe('met');
    expect(judge('0.95', band, undefined, false).status).toBe('met');
    const high = judge('3.1545', band, undefined, false);
    expect([high.status, display('ratio', high.gap)]).toEqual(['missed', '220.45%']);
    const low = judge('0.80', band, undefined, false);
    expect([low.status, display('ratio', low.gap)]).toEqual(['missed', '2.00%']);
  });

  it('judged as reported: 20,920,000.00 ÷ 22,990,000.00 = 90.996% reads 91.00% and meets "≥ 91%"', () => {
    const value = asReported('ratio', '0.909961');
    expect(value).toBe('0.91');
    expect(judge(value, { min: '0.91' }, undefined, true).status).toBe('met');
    expect(asReported('ratio', '0.909949')).toBe('0.9099');
  });

  it('nothing to measure is no-data, not met', () => {
    expect(judge(null, { max: '0.05' }, undefined, false).status).toBe('no-data');
  });
});
