import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { TaskOutcomeInput } from './task-deliverables';

export class CompleteTask extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly taskId: string,
    /** done, or cancelled when it no longer makes sense. */
    readonly status: 'done' | 'cancelled',
    readonly note?: string,
    /** Done needs the deliverable the task's kind names (task-deliverables.ts). */
    readonly outcome: TaskOutcomeInput = {},
  ) {
    super(meta);
  }
}
