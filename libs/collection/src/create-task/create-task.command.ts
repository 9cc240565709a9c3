import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { TaskKind } from '../domain/vocabulary';

export interface CreateTaskInput {
  readonly caseId: string;
  readonly kind: TaskKind;
  readonly title?: string;
  /** ISO 8601 instant. */
  readonly dueAt: string;
  /**
   * SLA in working hours from now on the tenant's calendar (篇八: start calling within 2
   * hours of assignment; visit within two working days = 16 working hours).
   */
  readonly slaWorkingHours?: number;
  readonly priority?: number;
  /** Default: the case's assignee. */
  readonly assigneeId?: string;
  /**
   * Same key → same task: a rule that fires twice (a retried job, a second run of the day)
   * creates one. Rules derive it from what they do, e.g. `stage:daily-calls:<case>:<date>`.
   */
  readonly idempotencyKey?: string;
}

export class CreateTask extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: CreateTaskInput,
  ) {
    super(meta);
  }
}

export interface CreateTaskResult {
  readonly id: string;
  /** False when the idempotency key already named a task: that task is returned. */
  readonly created: boolean;
}
