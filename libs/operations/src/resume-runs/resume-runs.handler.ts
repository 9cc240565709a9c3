import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { RunQueue } from '../request-run/run-queue';
import { ResumeRuns } from './resume-runs.command';

@CommandHandler(ResumeRuns)
export class ResumeRunsHandler implements ICommandHandler<ResumeRuns, string[]> {
  constructor(
    private readonly tx: TenantTx,
    private readonly queue: RunQueue,
  ) {}

  async execute(command: ResumeRuns): Promise<string[]> {
    const tenants = await this.tx.runUnscoped((em) =>
      em.execute<{ id: string }[]>(`select id from tenants where id <> ? order by id`, [
        PLATFORM_TENANT_ID,
      ]),
    );
    const resumed: string[] = [];
    for (const { id: tenantId } of tenants) {
      // RLS: each tenant's runs are read in its own transaction.
      const runs = await this.tx.run(tenantId, (em) =>
        em.execute<{ id: string }[]>(
          `select id from runs where tenant_id = ? and state in ('queued', 'running') order by as_of`,
          [tenantId],
        ),
      );
      for (const run of runs) {
        await this.queue.enqueue({ tenantId, runId: run.id, correlationId: command.correlationId });
        resumed.push(run.id);
      }
    }
    return resumed;
  }
}
