import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export class CompleteTask extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly taskId: string,
    /** done, or cancelled when it no longer makes sense. */
    readonly status: 'done' | 'cancelled',
    readonly note?: string,
  ) {
    super(meta);
  }
}
