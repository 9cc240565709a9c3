import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { PauseReason } from '../domain/vocabulary';

export interface PauseCaseInput {
  readonly caseId: string;
  readonly reason: PauseReason;
  /** First paused day; default today. May be earlier (a dispute raised last week). */
  readonly fromOn?: string;
  /** Last paused day, inclusive. */
  readonly untilOn: string;
  readonly notes?: string;
}

/** Paused days do not count toward escalation (see `effectiveDpd`). */
export class PauseCase extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: PauseCaseInput,
  ) {
    super(meta);
  }
}
