import { localGeneratedAt } from './report-meta';

describe('a report says when it was made in the tenant’s time (议题 11 §8: not UTC ISO)', () => {
  it('02:00 UTC is 10:00 in Shanghai, written without a T or a Z', () => {
    expect(
      localGeneratedAt({ generatedAt: '2026-03-11T02:00:00.000Z', timeZone: 'Asia/Shanghai' }),
    ).toBe('2026-03-11 10:00');
  });

  it('17:30 UTC is already the next day in Shanghai', () => {
    expect(
      localGeneratedAt({ generatedAt: '2026-03-11T17:30:00.000Z', timeZone: 'Asia/Shanghai' }),
    ).toBe('2026-03-12 01:30');
  });
});
