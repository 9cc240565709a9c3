import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface AssignCaseInput {
  readonly caseId: string;
  readonly assigneeId: string;
  /** Defaults to the case's team when the assignee is in it, else the assignee's only team. */
  readonly teamId?: string;
  /** 交接: required when the case moves from one collector to another (篇八 四). */
  readonly handoverNote?: string;
}

export class AssignCase extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: AssignCaseInput,
  ) {
    super(meta);
  }
}

export interface AssignCaseResult {
  readonly caseId: string;
  readonly assigneeId: string;
  readonly teamId: string | null;
  /** False when the case already had this assignee and team: nothing was written. */
  readonly changed: boolean;
  /** Open tasks handed over from the previous assignee. */
  readonly tasksMoved: number;
}
