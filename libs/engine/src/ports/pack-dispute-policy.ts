import { Injectable } from '@nestjs/common';
import {
  DEFAULT_DISPUTE_RULES,
  DisputeKind,
  DisputePolicy,
  DisputeRules,
} from '@qingshou/collection';
import type { Role } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks } from '../run/pinned-packs';

/** The DisputePolicy port from the pinned pack's `disputes` block (validated by its schema). */
@Injectable()
export class PackDisputePolicy extends DisputePolicy {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async rules(tenantId: string): Promise<DisputeRules> {
    const view = await this.tx.run(tenantId, (em) => this.packs.active(em, tenantId));
    const spec = view?.pack.spec.disputes;
    if (!spec) return DEFAULT_DISPUTE_RULES;
    return {
      kinds: spec.kinds as DisputeKind[],
      pause: spec.pause ?? 'account',
      decidedBy: spec.decidedBy as Role,
      maxDays: spec.maxDays ?? null,
    };
  }
}
