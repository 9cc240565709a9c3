import { Injectable } from '@nestjs/common';
import {
  ContactDecision,
  ContactPolicy,
  ContactRequest,
  ContactTerms,
  DEFAULT_CONTACT_TERMS,
} from '@qingshou/collection';
import { TenantTx } from '@qingshou/db';
import type { PackView } from '../domain/pack-view';
import { PinnedPacks, tenantZone } from '../run/pinned-packs';
import {
  ContactRules,
  DEFAULT_CONTACT_RULES,
  judgeContact,
  TIMED_CHANNELS,
} from './contact-window';

/**
 * Every 7-day window containing the contact reaches 6 days either side of its date; plus
 * a day for the date's own length and a day for zone offsets.
 */
const NEIGHBOURHOOD_MS = 8 * 86_400_000;

/**
 * The ContactPolicy port (libs/collection) from the tenant's pinned pack: allowed hours in
 * the tenant's zone, attempts per debtor per day and in every 7-day window containing the
 * contact, allowed parties. A tenant without a pack gets the documented defaults. The
 * debtor's neighbouring attempts (earlier and later: a contact may be logged after the fact)
 * are read in one statement in a transaction of their own (the port is asked before the
 * contact is written).
 */
@Injectable()
export class PackContactPolicy extends ContactPolicy {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async check(request: ContactRequest): Promise<ContactDecision> {
    return this.tx.run(request.tenantId, async (em) => {
      const view = await this.packs.active(em, request.tenantId);
      const rules = rulesOf(view?.pack.spec.contactRules);
      const timeZone = await tenantZone(em, request.tenantId);
      const rows = await em.execute<{ attempted_at: string | Date }[]>(
        `select ca.attempted_at from contact_attempts ca
         join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
         where ca.tenant_id = ? and c.debtor_id = ? and ca.channel = any(?::text[])
           and ca.attempted_at > ? and ca.attempted_at < ?`,
        [
          request.tenantId,
          request.debtorId,
          `{${TIMED_CHANNELS.join(',')}}`,
          new Date(request.at.getTime() - NEIGHBOURHOOD_MS),
          new Date(request.at.getTime() + NEIGHBOURHOOD_MS),
        ],
      );
      const previous = rows.map(
        (r) =>
          new Date(
            String(r.attempted_at)
              .replace(' ', 'T')
              .replace(/([+-]\d{2})$/, '$1:00'),
          ),
      );
      return judgeContact(
        rules,
        timeZone,
        { channel: request.channel, party: request.party, at: request.at },
        previous,
      );
    });
  }

  /** The pack's terms for logging: back-dating, result codes, causes, recordings. */
  override async terms(tenantId: string): Promise<ContactTerms> {
    const view = await this.tx.run(tenantId, (em) => this.packs.active(em, tenantId));
    const spec = view?.pack.spec;
    if (!view || !spec) return DEFAULT_CONTACT_TERMS;
    const rules = spec.contactRules;
    const reasons = spec.reasonCodes?.codes ?? [];
    return {
      backdateLimitHours: rules?.backdateLimitHours ?? DEFAULT_CONTACT_TERMS.backdateLimitHours,
      resultCodes: (rules?.resultCodes ?? []).map((r) => ({
        code: r.code,
        zh: r.zh,
        en: r.en,
        followUpDays: r.followUpDays ?? null,
      })),
      reasonRequired: spec.reasonCodes?.requiredWhenWorked ?? false,
      reasons:
        reasons.length > 0 ? reasons.map((r) => ({ code: r.code, zh: r.zh, en: r.en })) : null,
      requireRecording: rules?.requireRecording ?? [],
      requireNotes: rules?.requireNotes ?? false,
      callRoles: callRolesOf(view),
    };
  }
}

/** The platform roles of the pack's call tasks (a task kind based on `call` counts too). */
function callRolesOf(view: PackView): string[] {
  const roles = new Set<string>();
  for (const stage of view.stages) {
    for (const action of stage.do) {
      const task = (action as { task?: { kind?: string; role?: string } }).task;
      if (task?.kind && task.role && view.taskBase(task.kind) === 'call')
        roles.add(view.platformRole(task.role));
    }
  }
  return [...roles];
}

export function rulesOf(spec: Partial<ContactRules> | undefined): ContactRules {
  return {
    allowedHours: spec?.allowedHours ?? DEFAULT_CONTACT_RULES.allowedHours,
    maxAttemptsPerDay: spec?.maxAttemptsPerDay ?? DEFAULT_CONTACT_RULES.maxAttemptsPerDay,
    maxAttemptsPer7Days: spec?.maxAttemptsPer7Days ?? DEFAULT_CONTACT_RULES.maxAttemptsPer7Days,
    allowedParties: spec?.allowedParties ?? DEFAULT_CONTACT_RULES.allowedParties,
  };
}
