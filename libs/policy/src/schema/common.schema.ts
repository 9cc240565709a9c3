import { ROLES } from '@qingshou/core';
import { IsOptional } from 'class-validator';
import { RefTo } from './field-decorators';
import { OneOf, Optional, Required, Slug, Text } from './rules';

/** A label in both languages the console shows; Chinese first, it is what users read. */
export class LocalizedText {
  @Required()
  @Text(2000)
  zh!: string;

  @Required()
  @Text(2000)
  en!: string;
}

/**
 * Who acts or approves: a platform role (`manager`, `legal`…) or a role the pack declares
 * in `roles` (组长 → manager). Validated against both.
 */
export const RoleRef = () => RefTo('role');

export const PLATFORM_ROLES: readonly string[] = ROLES;

/** "Behind an approval": the kind of approval and who grants it. */
export class ApprovalRef {
  /** A slug; when declared under `approvals`, `by` and `fields` may come from there. */
  @Optional()
  @Slug()
  kind?: string;

  @Optional()
  @RoleRef()
  by?: string;

  /** What the request must carry, e.g. reason and next plan for an extension (篇八). */
  @Optional()
  @Slug({ each: true })
  fields?: string[];
}

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export const CADENCES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * When something recurs: every week on friday (篇一 weekly report), every month on 'last',
 * every day. `on` is a weekday for weeks, a day 1–28 or 'last' for months and quarters,
 * 'MM-DD' for years. Dates are business dates in the tenant's time zone.
 */
export class ScheduleSpec {
  @Required()
  @OneOf(CADENCES)
  every!: Cadence;

  @IsOptional()
  on?: string | number;

  /** Local time the job runs, default 08:00. */
  @Optional()
  @Text(5)
  at?: string;

  refine(): { path: string; reason: string }[] {
    const on = this.on;
    if (on === undefined) return [];
    const ok =
      (this.every === 'week' && (WEEKDAYS as readonly unknown[]).includes(on)) ||
      ((this.every === 'month' || this.every === 'quarter') &&
        (on === 'last' ||
          (typeof on === 'number' && Number.isInteger(on) && on >= 1 && on <= 28))) ||
      (this.every === 'year' &&
        typeof on === 'string' &&
        /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(on));
    if (ok && (this.at === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(this.at))) return [];
    if (!ok) {
      const hint: Record<Cadence, string> = {
        day: 'a daily schedule takes no "on"',
        week: `a weekday: ${WEEKDAYS.join(', ')}`,
        month: 'a day 1–28 or "last"',
        quarter: 'a day 1–28 or "last"',
        year: 'a month and day "MM-DD"',
      };
      return [{ path: 'on', reason: `must be ${hint[this.every]}` }];
    }
    return [{ path: 'at', reason: 'must be a time HH:mm' }];
  }
}
