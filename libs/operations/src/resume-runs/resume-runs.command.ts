/**
 * The worker's boot sweep: every run a crash left queued or running is handed to the queue
 * again. Job id = run id, so a run whose job BullMQ still holds (a stalled active job, which
 * its stalled check hands back) is not queued twice. A platform command: every tenant.
 */
export class ResumeRuns {
  constructor(readonly correlationId: string) {}
}
