import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ActivePacks, type PlansSpec, type SelfServiceSpec } from '@qingshou/policy';

/** The tenant's self-service rules as its pinned pack states them, with what they lean on. */
export interface SelfServiceView {
  readonly linkDays: number;
  readonly idDigits: number;
  readonly employers: 'credit-code' | 'none';
  readonly actions: readonly string[];
  readonly autoAgreePlansUpTo: string | null;
  readonly channels: readonly string[];
  readonly codeMinutes: number;
  readonly maxWrongTries: number;
  readonly lockMinutes: number;
  /** 联系时间: a call back is asked for inside these hours only. */
  readonly contactHours: { readonly start: string; readonly end: string };
  readonly plans: PlansSpec | null;
  readonly disputeKinds: readonly string[];
}

/**
 * Reads the pinned pack's `selfService:` block. Absent or `enabled: false`: null, and every
 * path of the debtor's page refuses (fail closed), exactly as for a link that never existed.
 */
@Injectable()
export class SelfServiceRules {
  constructor(private readonly packs: ActivePacks) {}

  async of(em: EntityManager, tenantId: string): Promise<SelfServiceView | null> {
    const active = await this.packs.active(em, tenantId);
    const spec = active?.pack.spec;
    const self: Partial<SelfServiceSpec> | undefined = spec?.selfService;
    if (!spec || !self || self.enabled !== true || !self.linkDays) return null;
    const hours = spec.contactRules?.allowedHours;
    return {
      linkDays: self.linkDays,
      idDigits: self.idDigits ?? 4,
      employers: self.employers ?? 'none',
      actions: self.actions ?? [],
      autoAgreePlansUpTo: self.autoAgreePlansUpTo ?? null,
      channels: self.channels ?? [],
      codeMinutes: self.codeMinutes ?? 5,
      maxWrongTries: self.maxWrongTries ?? 5,
      lockMinutes: self.lockMinutes ?? 30,
      contactHours: { start: hours?.start ?? '08:00', end: hours?.end ?? '21:00' },
      plans: spec.plans ?? null,
      disputeKinds: spec.disputes?.kinds ?? [
        'amount-wrong',
        'identity',
        'already-paid',
        'not-my-debt',
      ],
    };
  }
}
