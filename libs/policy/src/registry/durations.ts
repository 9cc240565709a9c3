/**
 * Durations a pack may write: SLAs in working time ("2 working hours", "1 working day") and
 * calendar offsets or cadences ("0d", "1 week", "3 months"). Chinese forms are accepted
 * too ("2个工作小时", "1个工作日", "3天"). Plain "hours" are refused on purpose: every hour in
 * the seeds (篇八: 2 个小时 to enter a batch) is counted in office time, so the author must
 * say "working hours".
 */
export const DURATION_UNITS = [
  'workingHour',
  'workingDay',
  'day',
  'week',
  'month',
  'year',
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const FORMS: readonly [RegExp, DurationUnit][] = [
  [/^(\d+)\s*working\s+hours?$/i, 'workingHour'],
  [/^(\d+)\s*working\s+days?$/i, 'workingDay'],
  [/^(\d+)\s*(?:d|days?)$/i, 'day'],
  [/^(\d+)\s*(?:w|weeks?)$/i, 'week'],
  [/^(\d+)\s*months?$/i, 'month'],
  [/^(\d+)\s*(?:y|years?)$/i, 'year'],
  [/^(\d+)\s*个?工作小时$/, 'workingHour'],
  [/^(\d+)\s*个?工作日$/, 'workingDay'],
  [/^(\d+)\s*[天日]$/, 'day'],
  [/^(\d+)\s*(?:周|个?星期)$/, 'week'],
  [/^(\d+)\s*个月$/, 'month'],
  [/^(\d+)\s*年$/, 'year'],
];

const NAMES: Readonly<Record<DurationUnit, string>> = {
  workingHour: 'working hour',
  workingDay: 'working day',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/** Ceiling on any amount: a typo like "20000 days" should fail, not schedule for 55 years. */
const MAX_AMOUNT = 3660;

export function parseDuration(text: string): Duration | null {
  const trimmed = text.trim();
  for (const [form, unit] of FORMS) {
    const match = form.exec(trimmed);
    if (match) {
      const amount = Number(match[1]);
      return amount <= MAX_AMOUNT ? { amount, unit } : null;
    }
  }
  return null;
}

/** The one spelling the resolved pack carries: "2 working hours", "1 day", "0 days". */
export function formatDuration(duration: Duration): string {
  const name = NAMES[duration.unit];
  return `${duration.amount} ${name}${duration.amount === 1 ? '' : 's'}`;
}

export function isWorkingDuration(duration: Duration): boolean {
  return duration.unit === 'workingHour' || duration.unit === 'workingDay';
}

/** The reason a text is not a duration, with the spelling the author probably meant. */
export function durationProblem(text: string, workingOnly: boolean): string | null {
  const parsed = parseDuration(text);
  if (parsed) {
    if (workingOnly && !isWorkingDuration(parsed)) {
      return `"${text}" is calendar time; an SLA counts working time (e.g. "${parsed.amount} working ${parsed.unit === 'day' ? 'days' : 'hours'}")`;
    }
    return null;
  }
  const hours = /^(\d+)\s*(?:h|hrs?|hours?|小时)$/i.exec(text.trim());
  if (hours) {
    return `unknown duration "${text}" (use "${hours[1]} working hours")`;
  }
  return `unknown duration "${text}" (use e.g. "2 working hours", "1 working day", "3d", "1w", "1 month")`;
}
