import { EntityManager } from '@mikro-orm/postgresql';
import { instantOf } from '@qingshou/calendar';
import type { ActionName } from '@qingshou/policy';
import { ActionInstance, boundedKey, caselessTask } from '../apply/action-rows';
import { fireActions } from '../apply/fire-actions';
import type { PlannedAction } from '../domain/ladder';
import type { ChunkOutcome, RunContext } from '../run/run-context';
import { isDue, periodOf, ScheduleData } from './schedule';

interface RoutineData {
  readonly id: string;
  readonly schedule: ScheduleData;
  readonly per?: string;
  readonly do: readonly Record<string, unknown>[];
}

/** Who carries cases when a `per: collector` routine's task names no role. */
const COLLECTOR_ROLES = ['phone-collector', 'field-collector'];

/**
 * The pack's routines due on the run's date (篇八 the daily visit list, 篇二 the monthly sort
 * of maturing loans): once per period, from their scheduled date on, per tenant or per
 * active user holding the role (`per: collector | role`). The key is routine, action,
 * period start and user, so a second evaluation in the period adds nothing.
 * `publishList` needs an approval on a case and is not fired by routines.
 */
export async function fireRoutines(
  em: EntityManager,
  ctx: RunContext,
  out: ChunkOutcome,
): Promise<void> {
  const routines = (ctx.pack.pack.spec.routines ?? []) as unknown as readonly RoutineData[];
  const instances: ActionInstance[] = [];
  const holders = new Map<string, string[]>();
  const usersHolding = async (roles: readonly string[]) => {
    const id = roles.join(',');
    if (!holders.has(id)) {
      const rows = await em.execute<{ id: string }[]>(
        `select id from users where tenant_id = ? and status = 'active' and roles && ?::text[]
         order by id`,
        [ctx.tenantId, `{${roles.join(',')}}`],
      );
      holders.set(
        id,
        rows.map((r) => r.id),
      );
    }
    return holders.get(id) as string[];
  };
  for (const routine of routines) {
    const period = periodOf(routine.schedule, ctx.asOf);
    if (!isDue(period, ctx.asOf)) continue;
    const trigger = instantOf(period.due, routine.schedule.at ?? '08:00', ctx.timeZone);
    for (const [index, action] of routine.do.entries()) {
      const name = Object.keys(action)[0] as ActionName;
      const args = (action[name] ?? {}) as Record<string, unknown>;
      if (name !== 'task' && name !== 'notifyRole') continue;
      const planned = (suffix: string): PlannedAction => ({
        key: boundedKey(
          `${ctx.tenantId}:routine:${routine.id}:${index}:${period.start}${suffix ? `:${suffix}` : ''}`,
        ),
        stage: routine.id,
        index,
        name,
        args,
        period: period.start,
        repeating: false,
      });
      if (name === 'notifyRole') {
        const role = String(args.role);
        instances.push({
          key: planned('').key,
          source: 'routine',
          caseId: null,
          debtorId: null,
          action: planned(''),
          targetId: null,
          notify: { role, message: args.message },
          detail: { role, message: args.message ?? null },
        });
        continue;
      }
      const per = routine.per ?? 'tenant';
      if (per === 'tenant') {
        instances.push(caselessTask(ctx, planned(''), 'routine', trigger, null));
        continue;
      }
      const role = args.role ? ctx.pack.platformRole(String(args.role)) : null;
      const roles = role ? [role] : COLLECTOR_ROLES;
      for (const userId of await usersHolding(roles)) {
        instances.push(caselessTask(ctx, planned(userId), 'routine', trigger, userId));
      }
    }
  }
  if (instances.length > 0) await fireActions(em, ctx, instances, out);
}
