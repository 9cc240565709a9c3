import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { LocalizedText } from '@qingshou/policy';

/** A drive's checklist: tasks, per-case tasks and deliverables, optionally of one phase. */
export class ListDriveItems extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
    readonly phase?: string,
  ) {
    super(meta);
  }
}

export interface DriveItemView {
  readonly id: string;
  readonly phase: string;
  readonly kind: 'task' | 'case-task' | 'deliverable';
  readonly item: string;
  readonly names: LocalizedText | null;
  readonly role: string | null;
  readonly caseId: string | null;
  readonly quantity: number;
  readonly done: number;
  readonly status: 'open' | 'done';
  readonly dueOn: string;
}
