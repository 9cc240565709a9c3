import { Injectable } from '@nestjs/common';
import { ContactDecision, ContactPolicy, ContactRequest } from '@qingshou/collection';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks, tenantZone } from '../run/pinned-packs';
import {
  ContactRules,
  DEFAULT_CONTACT_RULES,
  judgeContact,
  TIMED_CHANNELS,
} from './contact-window';

/** The 7-day window plus a day either side for zone offsets. */
const LOOKBACK_MS = 9 * 86_400_000;

/**
 * The ContactPolicy port (libs/collection) from the tenant's pinned pack: allowed hours in
 * the tenant's zone, attempts per debtor per day and per 7 days, allowed parties. A tenant
 * without a pack gets the documented defaults. Previous attempts are read in a transaction
 * of their own (the port is asked before the contact is written).
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
           and ca.attempted_at > ? and ca.attempted_at <= ?`,
        [
          request.tenantId,
          request.debtorId,
          `{${TIMED_CHANNELS.join(',')}}`,
          new Date(request.at.getTime() - LOOKBACK_MS),
          request.at,
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
}

export function rulesOf(spec: Partial<ContactRules> | undefined): ContactRules {
  return {
    allowedHours: spec?.allowedHours ?? DEFAULT_CONTACT_RULES.allowedHours,
    maxAttemptsPerDay: spec?.maxAttemptsPerDay ?? DEFAULT_CONTACT_RULES.maxAttemptsPerDay,
    maxAttemptsPer7Days: spec?.maxAttemptsPer7Days ?? DEFAULT_CONTACT_RULES.maxAttemptsPer7Days,
    allowedParties: spec?.allowedParties ?? DEFAULT_CONTACT_RULES.allowedParties,
  };
}
