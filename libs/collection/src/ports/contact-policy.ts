import { Injectable } from '@nestjs/common';
import { DomainError } from '@qingshou/core';
import type { ContactChannel, ContactParty } from '../domain/vocabulary';

/** What the policy is asked about one contact attempt. */
export interface ContactRequest {
  readonly tenantId: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly actorId: string;
  readonly channel: ContactChannel;
  readonly party: ContactParty;
  /** When the contact happens (or happened, when logged after the fact). */
  readonly at: Date;
}

export type ContactDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** The pack rule that refused, e.g. `contact.quiet-hours`. */
      readonly rule: string;
      readonly reason: string;
      /** The earliest instant the same contact would be allowed; absent when never. */
      readonly nextAllowedAt?: Date;
    };

/**
 * PORT. Whether a contact is allowed now (quiet hours, daily call caps, a dispute hold) is a
 * pack decision, and the policy engine lives above this lib. It provides this token; until
 * then the permissive default below allows every contact.
 */
export abstract class ContactPolicy {
  abstract check(request: ContactRequest): Promise<ContactDecision>;
}

@Injectable()
export class PermissiveContactPolicy extends ContactPolicy {
  async check(): Promise<ContactDecision> {
    return { allowed: true };
  }
}

export class ContactNotAllowedError extends DomainError {
  constructor(decision: Extract<ContactDecision, { allowed: false }>) {
    const next = decision.nextAllowedAt
      ? `; next allowed at ${decision.nextAllowedAt.toISOString()}`
      : '; not allowed again under this rule';
    super(
      'contact-not-allowed',
      `Contact refused by rule ${decision.rule}: ${decision.reason}${next}`,
      422,
      [{ path: `policy.${decision.rule}`, reason: decision.reason }],
    );
  }
}
