import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@qingshou/core';
import type { Labelled } from '../domain/overdue-reasons';
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
      /** The rule's figures ({start, end}, {max}…) so a reader's language can word it. */
      readonly params?: Readonly<Record<string, string | number>>;
      /** The earliest instant the same contact would be allowed; absent when never. */
      readonly nextAllowedAt?: Date;
    };

/** One of the office's result codes (结果码) and its default next follow-up. */
export interface ContactResultCode extends Labelled {
  /** Days from the contact's date to the next follow-up; null: none unless a date is given. */
  readonly followUpDays: number | null;
}

/** What the pack asks of a logged contact, beside the time rules `check` judges. */
export interface ContactTerms {
  /** A contact may be logged this many hours after it happened, no earlier. */
  readonly backdateLimitHours: number;
  /** The office's result codes; empty: any platform outcome code, no default follow-up. */
  readonly resultCodes: readonly ContactResultCode[];
  /** 篇六: a worked case's contact names its overdue cause. */
  readonly reasonRequired: boolean;
  /** The pack's cause list; null: the OverdueReasonCatalog's. */
  readonly reasons: readonly Labelled[] | null;
  /** Channels whose contacts must carry a recording (篇八: calls). */
  readonly requireRecording: readonly string[];
  /** The pack wants every contact written up (情况记录): a bare result code says too little. */
  readonly requireNotes: boolean;
  /**
   * Platform roles the pack gives its call tasks: a contact's follow-up call goes to the
   * case's assignee only if they hold one (else it waits unassigned for the first). Empty:
   * the pack names none, the assignee takes it.
   */
  readonly callRoles: readonly string[];
}

export const DEFAULT_CONTACT_TERMS: ContactTerms = {
  backdateLimitHours: 72,
  resultCodes: [],
  reasonRequired: false,
  reasons: null,
  requireRecording: [],
  requireNotes: false,
  callRoles: [],
};

/**
 * PORT. Whether a contact is allowed now (quiet hours, daily call caps, a dispute hold) is a
 * pack decision, and the policy engine lives above this lib. It provides this token; until
 * then the permissive default below allows every contact.
 */
export abstract class ContactPolicy {
  /**
   * `em`: the caller's transaction (bound to the request's tenant), so a command asks on its
   * own connection rather than holding one while the policy takes a second from the pool.
   */
  abstract check(request: ContactRequest, em?: EntityManager): Promise<ContactDecision>;

  /**
   * One tenant's requests judged together, answers in the same order: a page of tasks asks
   * once, not once a row. This default asks one at a time; a policy that reads the
   * database overrides it with one set-based read.
   */
  async checkAll(
    requests: readonly ContactRequest[],
    em?: EntityManager,
  ): Promise<ContactDecision[]> {
    const decisions: ContactDecision[] = [];
    for (const request of requests) decisions.push(await this.check(request, em));
    return decisions;
  }

  /** The tenant's terms for logging a contact; without a pack, the defaults. */
  async terms(_tenantId: string): Promise<ContactTerms> {
    return DEFAULT_CONTACT_TERMS;
  }
}

@Injectable()
export class PermissiveContactPolicy extends ContactPolicy {
  async check(): Promise<ContactDecision> {
    return { allowed: true };
  }
}

export class ContactNotAllowedError extends DomainError {
  /** The refusal as the policy gave it: the console words it from the rule and the time. */
  constructor(readonly decision: Extract<ContactDecision, { allowed: false }>) {
    const next = decision.nextAllowedAt
      ? `; next allowed at ${decision.nextAllowedAt.toISOString()}`
      : '; not allowed again under this rule';
    super(
      'contact-not-allowed',
      `Contact refused by rule ${decision.rule}: ${decision.reason}${next}`,
      422,
      [
        {
          path: `policy.${decision.rule}`,
          reason: decision.reason,
          params: {
            ...(decision.params ?? {}),
            ...(decision.nextAllowedAt
              ? { nextAllowedAt: decision.nextAllowedAt.toISOString() }
              : {}),
          },
        },
      ],
    );
  }
}
