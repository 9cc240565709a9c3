import { EntityManager } from '@mikro-orm/postgresql';
import { BusinessDate } from './business-date';
import { InputCheck } from './input-check';

/** A query's `asOf`: the given date, checked, or the tenant's business date today. */
export async function resolveAsOf(
  em: EntityManager,
  dates: BusinessDate,
  tenantId: string,
  asOf: string | undefined,
): Promise<string> {
  if (asOf === undefined) return dates.today(em, tenantId);
  const check = new InputCheck();
  const date = check.date('asOf', asOf);
  check.done('The query');
  return date as string;
}
