import type { EntityManager } from '@mikro-orm/postgresql';
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
 * are read in one statement for a whole page of requests, in the caller's transaction when
 * it passes one (LogContact, the worklist), else in a transaction of their own.
 */
@Injectable()
export class PackContactPolicy extends ContactPolicy {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async check(request: ContactRequest, em?: EntityManager): Promise<ContactDecision> {
    const [decision] = await this.checkAll([request], em);
    return decision as ContactDecision;
  }

  /**
   * A whole page judged with one read of contact_attempts: every request's neighbourhood
   * (its debtor's timed attempts within 8 days of its instant) in one statement, each
   * answer then judged by `judgeContact` exactly as a single request is.
   */
  override async checkAll(
    requests: readonly ContactRequest[],
    em?: EntityManager,
  ): Promise<ContactDecision[]> {
    const first = requests[0];
    if (!first) return [];
    if (requests.some((r) => r.tenantId !== first.tenantId))
      throw new Error('ContactPolicy.checkAll: one tenant per call');
    // A page often holds several tasks of one debtor: each distinct question is read and
    // judged once, and its answer given to every row that asked it.
    const keyOf = (r: ContactRequest) => `${r.debtorId}|${r.channel}|${r.party}|${r.at.getTime()}`;
    const distinct = [...new Map(requests.map((r) => [keyOf(r), r])).values()];
    const judge = async (tx: EntityManager): Promise<ContactDecision[]> => {
      const view = await this.packs.active(tx, first.tenantId);
      const rules = rulesOf(view?.pack.spec.contactRules);
      const timeZone = await tenantZone(tx, first.tenantId);
      const near = await neighbours(tx, first.tenantId, distinct);
      const answers = new Map(
        distinct.map((request, i) => [
          keyOf(request),
          judgeContact(
            rules,
            timeZone,
            { channel: request.channel, party: request.party, at: request.at },
            near.get(i) ?? [],
          ),
        ]),
      );
      return requests.map((request) => answers.get(keyOf(request)) as ContactDecision);
    };
    return em ? judge(em) : this.tx.run(first.tenantId, judge);
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

/**
 * Each request's neighbouring timed attempts (by its index), one statement for them all:
 * the requests are unnested with their bounds, so two requests on one debtor each get the
 * attempts near their own instant.
 */
async function neighbours(
  em: EntityManager,
  tenantId: string,
  requests: readonly ContactRequest[],
): Promise<Map<number, Date[]>> {
  const rows = await em.execute<{ n: number; attempted_at: string | Date }[]>(
    `select (a.n - 1)::int as n, ca.attempted_at
     from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) with ordinality
          as a(debtor_id, after, before, n)
     join cases c on c.tenant_id = ? and c.debtor_id = a.debtor_id
     join contact_attempts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
     where ca.channel = any(?::text[])
       and ca.attempted_at > a.after and ca.attempted_at < a.before`,
    [
      `{${requests.map((r) => r.debtorId).join(',')}}`,
      `{${requests.map((r) => new Date(r.at.getTime() - NEIGHBOURHOOD_MS).toISOString()).join(',')}}`,
      `{${requests.map((r) => new Date(r.at.getTime() + NEIGHBOURHOOD_MS).toISOString()).join(',')}}`,
      tenantId,
      `{${TIMED_CHANNELS.join(',')}}`,
    ],
  );
  const near = new Map<number, Date[]>();
  for (const row of rows) {
    const at = new Date(
      String(row.attempted_at)
        .replace(' ', 'T')
        .replace(/([+-]\d{2})$/, '$1:00'),
    );
    near.set(Number(row.n), [...(near.get(Number(row.n)) ?? []), at]);
  }
  return near;
}
