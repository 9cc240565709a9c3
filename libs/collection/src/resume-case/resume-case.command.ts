import { ActorMeta, CollectionCommand } from '../domain/collection-command';

/** Ends the active pause today; the case returns to the status it had. */
export class ResumeCase extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly notes?: string,
  ) {
    super(meta);
  }
}
