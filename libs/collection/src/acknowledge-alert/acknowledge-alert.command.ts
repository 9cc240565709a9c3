import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { AlertState } from '../entities/alert.entity';

/** A supervisor has seen the alert (and, in the note, what they did about it). */
export class AcknowledgeAlert extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly alertId: string,
    readonly note?: string,
  ) {
    super(meta);
  }
}

export interface AcknowledgeAlertResult {
  readonly id: string;
  readonly state: AlertState;
  readonly acknowledgedBy: string;
  readonly acknowledgedAt: string;
  /** false when it had already been acknowledged: that acknowledgement stands. */
  readonly changed: boolean;
}
