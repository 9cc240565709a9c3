import { CommandMeta, TenantCommand } from '@qingshou/core';
import type { LedgerViewer } from '@qingshou/ledger';

/**
 * Records one of the pack's attributes (是否村干部 → official-post, 享受优惠政策 →
 * preferential-policy…) on a debtor, account or case. The key must be declared by the
 * pinned pack for that subject; an enum takes one of its codes.
 */
export class RecordAttribute extends TenantCommand {
  constructor(
    meta: CommandMeta,
    readonly subject: string,
    readonly subjectId: string,
    readonly key: string,
    readonly value: string,
    readonly viewer?: LedgerViewer,
  ) {
    super(meta);
  }
}

export interface RecordedAttribute {
  readonly subject: string;
  readonly subjectId: string;
  readonly key: string;
  readonly value: string;
  readonly changed: boolean;
}
