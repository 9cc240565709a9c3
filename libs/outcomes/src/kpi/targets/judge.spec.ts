import { display, judge } from './judge';

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

  it('nothing to measure is no-data, not met', () => {
    expect(judge(null, { max: '0.05' }, undefined, false).status).toBe('no-data');
  });
});
