import { ActorMeta, ActorQuery } from '@qingshou/core';

/**
 * Issue 11 §7: a running drive's items on the worklist of the roles they target — the open
 * items of phases already started whose pack role maps to one of the viewer's platform
 * roles (an item of no role: anyone working drives), per-case items only on cases the
 * viewer sees. Phase by phase, then by due date; `limit` rows with the total.
 */
export class ListWorklistDriveItems extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly limit = 20,
    /** One item (its completion form), seen under the same rules. */
    readonly itemId?: string,
  ) {
    super(meta);
  }
}

export interface WorklistDriveItem {
  readonly id: string;
  readonly driveId: string;
  readonly driveName: string;
  readonly phaseName: string;
  readonly name: string;
  readonly caseId: string | null;
  readonly debtorName: string | null;
  readonly quantity: number;
  readonly done: number;
  readonly dueOn: string;
  readonly overdue: boolean;
  /** The choices completing it needs (pack `taskKinds[].results`), in Chinese; [] for none. */
  readonly results: readonly { value: string; label: string }[];
}

export interface WorklistDriveItems {
  readonly items: readonly WorklistDriveItem[];
  readonly total: number;
}
