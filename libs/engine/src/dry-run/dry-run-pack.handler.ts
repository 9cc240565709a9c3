import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PackLoader } from '@qingshou/policy';
import { checkInput } from '../evaluate-cases/evaluate-cases.handler';
import { PinnedPacks } from '../run/pinned-packs';
import { EvaluationRunner, LISTED } from '../run/evaluation-runner';
import { DryRunPack, DryRunReport } from './dry-run-pack.query';

/**
 * Resolves the candidate exactly as an install would (same 400/404/422 answers), then runs
 * the engine's own evaluation with it inside a transaction that is rolled back: the report
 * is what the engine really did, not a second model of it. No event, no notice, no row.
 */
@QueryHandler(DryRunPack)
export class DryRunPackHandler implements IQueryHandler<DryRunPack, DryRunReport> {
  constructor(
    private readonly loader: PackLoader,
    private readonly runner: EvaluationRunner,
    private readonly packs: PinnedPacks,
    private readonly tx: TenantTx,
  ) {}

  async execute(query: DryRunPack): Promise<DryRunReport> {
    requirePermission(viewerOf(query), 'pack.dry-run');
    checkInput(query.asOf);
    const candidate = this.loader.loadForTenant(query.pack, query.version, query.params);
    const current = await this.tx.run(query.tenantId, (em) =>
      this.packs.active(em, query.tenantId),
    );
    const result = await this.runner.run(query, {
      asOf: query.asOf,
      pack: candidate,
      dryRun: true,
    });
    const o = result.outcome;
    return {
      asOf: result.asOf,
      pack: result.pack,
      current: current?.ref ?? null,
      evaluated: o.evaluated,
      stageCounts: o.stageCounts,
      stageChanges: o.moves
        .slice(0, LISTED)
        .map(({ caseId, from, to, reason }) => ({ caseId, from, to, reason })),
      tasks: o.tasks.slice(0, LISTED).map(({ caseId, stage, kind, title, dueAt, slaDueAt }) => ({
        caseId,
        stage,
        kind,
        title,
        dueAt,
        slaDueAt,
      })),
      notices: o.notices
        .slice(0, LISTED)
        .map(({ caseId, stage, template, recipient }) => ({ caseId, stage, template, recipient })),
      approvals: o.approvals
        .slice(0, LISTED)
        .map(({ caseId, stage, kind, approverRole }) => ({ caseId, stage, kind, approverRole })),
      flags: o.flags.slice(0, LISTED),
      tasksCancelled: o.tasksCancelled,
      totals: {
        stageChanges: o.moves.length,
        tasks: o.tasks.length,
        notices: o.notices.length,
        approvals: o.approvals.length,
        flags: o.flags.length,
      },
      errors: o.errors.slice(0, LISTED),
    };
  }
}
