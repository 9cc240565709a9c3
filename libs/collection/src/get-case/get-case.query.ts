import { ActorMeta, CollectionQuery } from '../domain/collection-command';

/** One case with its accounts' figures, pauses, open tasks and whole timeline. */
export class GetCase extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
