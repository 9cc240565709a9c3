import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  FieldProblem,
  NotFoundError,
  requirePermission,
  ValidationFailedError,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { TenantSessionPolicy, UpdateSessionPolicy } from './update-session-policy.command';

/** The bounds the tenants table's checks hold too: a day idle, a week absolute at most. */
export const SESSION_POLICY_BOUNDS = {
  idleMinutes: { min: 1, max: 1440 },
  absoluteHours: { min: 1, max: 168 },
};

function policyProblems(policy: TenantSessionPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['idleMinutes', 'absoluteHours'] as const) {
    const { min, max } = SESSION_POLICY_BOUNDS[field];
    const value = policy[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({
        path: field,
        reason: `须为 ${min} 到 ${max} 之间的整数（must be a whole number from ${min} to ${max}）`,
      });
    }
  }
  if (problems.length === 0 && policy.idleMinutes > policy.absoluteHours * 60) {
    problems.push({
      path: 'idleMinutes',
      reason: '空闲时限不能长于会话最长时间（idle timeout must not exceed the absolute lifetime）',
    });
  }
  return problems;
}

/** The tenants directory has no RLS: the statement names the command's own tenant. */
@CommandHandler(UpdateSessionPolicy)
export class UpdateSessionPolicyHandler implements ICommandHandler<
  UpdateSessionPolicy,
  TenantSessionPolicy
> {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  async execute(command: UpdateSessionPolicy): Promise<TenantSessionPolicy> {
    requirePermission(viewerOf(command), 'tenant-sessions.update');
    const problems = policyProblems(command.policy);
    if (problems.length > 0) throw new ValidationFailedError(problems[0].reason, problems);
    const { idleMinutes, absoluteHours } = command.policy;
    return this.tx.run(command.tenantId, async (em) => {
      const [before] = await em.execute<
        { session_idle_minutes: number; session_absolute_hours: number }[]
      >(
        `select session_idle_minutes, session_absolute_hours from tenants where id = ? for update`,
        [command.tenantId],
      );
      if (!before) throw new NotFoundError('tenant', command.tenantId);
      await em.execute(
        `update tenants set session_idle_minutes = ?, session_absolute_hours = ? where id = ?`,
        [idleMinutes, absoluteHours, command.tenantId],
      );
      const after = { idleMinutes, absoluteHours };
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, [
        {
          type: 'TenantSessionPolicyUpdated',
          aggregateType: 'tenant',
          aggregateId: command.tenantId,
          payload: after,
          before: {
            idleMinutes: before.session_idle_minutes,
            absoluteHours: before.session_absolute_hours,
          },
          after,
        },
      ]);
      return after;
    });
  }
}
