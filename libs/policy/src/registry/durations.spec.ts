import { durationProblem, formatDuration, parseDuration } from './durations';

describe('durations packs may write', () => {
  it.each([
    ['2 working hours', '2 working hours'],
    ['1 working day', '1 working day'],
    ['2 working days', '2 working days'],
    ['0d', '0 days'],
    ['1w', '1 week'],
    ['3 months', '3 months'],
    ['2个工作小时', '2 working hours'],
    ['1个工作日', '1 working day'],
    ['10天', '10 days'],
  ])('"%s" reads as %s', (text, canonical) => {
    expect(formatDuration(parseDuration(text)!)).toBe(canonical);
  });

  it('refuses plain hours and says to write working hours; refuses nonsense with examples', () => {
    expect(durationProblem('2 hours', false)).toBe(
      'unknown duration "2 hours" (use "2 working hours")',
    );
    expect(durationProblem('2h', true)).toBe('unknown duration "2h" (use "2 working hours")');
    expect(durationProblem('soon', false)).toMatch(/^unknown duration "soon" \(use e\.g\./);
    expect(durationProblem('20000 days', false)).toMatch(/^unknown duration/);
  });
});
