import { daysBetween, type LocalDate } from '@qingshou/calendar';

/**
 * "7 天未联系" (issue 11 §4), the one definition, TypeScript and SQL side by side: a case is
 * uncontacted when `NO_CONTACT_DAYS` or more days have passed since its last contact, or,
 * never contacted, since it was opened. Counting from a contact 7 days ago alone flagged
 * every case opened 3 days earlier (an import at DPD 40 has no contact yet, and is new work,
 * not neglected work). Days are the tenant's local days.
 */
export const NO_CONTACT_DAYS = 7;

export function isUncontacted(
  openedOn: LocalDate,
  lastContactOn: LocalDate | null,
  asOf: LocalDate,
  days: number = NO_CONTACT_DAYS,
): boolean {
  const since = lastContactOn !== null && lastContactOn > openedOn ? lastContactOn : openedOn;
  return daysBetween(since, asOf) >= days;
}

/**
 * The same test in SQL for a case row aliased `c` (columns tenant_id, id, opened_on); binds
 * two parameters in order: the tenant's today (date) and its time zone (text).
 */
export function uncontactedSql(days: number = NO_CONTACT_DAYS): string {
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a whole number ≥ 1`);
  return `(?::date - greatest(c.opened_on,
      coalesce((select max((ct.attempted_at at time zone ?::text)::date) from contact_attempts ct
                where ct.tenant_id = c.tenant_id and ct.case_id = c.id), c.opened_on)) >= ${days})`;
}
