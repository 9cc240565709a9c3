import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { CloseOutcome } from '../domain/vocabulary';

export class CloseCase extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    /** settled, written-off (needs an approved write-off), returned (退案 to the client), closed. */
    readonly outcome: CloseOutcome,
    readonly reason?: string,
  ) {
    super(meta);
  }
}

export interface CloseCaseResult {
  readonly status: CloseOutcome;
  readonly closedOn: string;
  readonly tasksCancelled: number;
}
