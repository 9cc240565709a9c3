import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Ticks off a drive item: a task done, or `done` of a deliverable's quantity (60 of the 100
 * posters). Done when the whole quantity is; recording the same count again changes nothing.
 * An item whose pack task kind declares `results` is done only with one of them (issue 11 §7).
 */
export class CompleteDriveItem extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
    readonly itemId: string,
    readonly done?: number,
    readonly note?: string,
    /** The item's result when its task kind declares `results` (摸底 situation, 认定 class). */
    readonly result?: string,
  ) {
    super(meta);
  }
}

export interface CompletedDriveItem {
  readonly id: string;
  readonly done: number;
  readonly quantity: number;
  readonly status: 'open' | 'done';
}
