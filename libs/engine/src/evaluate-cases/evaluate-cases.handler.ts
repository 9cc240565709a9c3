import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isLocalDate } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EvaluationRunner, LISTED } from '../run/evaluation-runner';
import { EvaluateCases, EvaluationSummary } from './evaluate-cases.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(EvaluateCases)
export class EvaluateCasesHandler implements ICommandHandler<EvaluateCases, EvaluationSummary> {
  constructor(private readonly runner: EvaluationRunner) {}

  async execute(command: EvaluateCases): Promise<EvaluationSummary> {
    requirePermission(viewerOf(command), 'engine.evaluate');
    checkInput(command.asOf, command.caseIds);
    const result = await this.runner.run(command, { asOf: command.asOf, caseIds: command.caseIds });
    const o = result.outcome;
    return {
      asOf: result.asOf,
      pack: result.pack,
      chunks: result.chunks,
      evaluated: o.evaluated,
      skipped: o.skipped,
      errors: o.errors.slice(0, LISTED),
      stageChanges: o.moves.length,
      moves: o.moves
        .slice(0, LISTED)
        .map(({ caseId, from, to, reason }) => ({ caseId, from, to, reason })),
      stageCounts: o.stageCounts,
      tasksCreated: o.tasks.length,
      tasksCancelled: o.tasksCancelled,
      routineTasksCreated: o.routineTasks.length,
      remindersFired: o.reminders,
      noticesHeld: o.held.length,
      approvalsRequested: o.approvals.length,
      noticesIssued: result.noticesIssued,
      noticeFailures: result.noticeFailures.slice(0, LISTED),
      flagsChanged: o.flags.length,
      rolesNotified: o.notifications.length,
      blacklisted: o.blacklisted.length,
    };
  }
}

/** The edge checks these too; commands from the CLI or a job meet the same rule. */
export function checkInput(asOf: string | undefined, caseIds?: readonly string[]): void {
  const problems = [];
  if (asOf !== undefined && !isLocalDate(asOf)) {
    problems.push({ path: 'asOf', reason: 'must be a real date written YYYY-MM-DD' });
  }
  if (caseIds && (!Array.isArray(caseIds) || caseIds.some((id) => !UUID.test(String(id))))) {
    problems.push({ path: 'caseIds', reason: 'must be a list of case ids (UUIDs)' });
  }
  if (problems.length > 0) throw new ValidationFailedError('Bad evaluation input', problems);
}
