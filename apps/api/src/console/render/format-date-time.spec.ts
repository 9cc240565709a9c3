import { formatDateTime } from './helpers';

describe('formatDateTime: one cached formatter a zone, each zone its own wall clock', () => {
  it('reads an instant in the zone asked, alternating zones', () => {
    const at = '2026-03-11T06:05:00Z';
    expect(formatDateTime(at, 'Asia/Shanghai')).toBe('2026-03-11 14:05');
    expect(formatDateTime(at, 'UTC')).toBe('2026-03-11 06:05');
    expect(formatDateTime(at, 'Asia/Shanghai')).toBe('2026-03-11 14:05');
    expect(formatDateTime('2026-03-11T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-12 00:00');
  });

  it('no value is a dash; an unreadable one is shown as given', () => {
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
    expect(formatDateTime('not a date', 'Asia/Shanghai')).toBe('not a date');
  });
});
