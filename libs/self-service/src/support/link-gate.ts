import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '@qingshou/calendar';
import { isClosedStatus, type CaseStatus } from '@qingshou/collection';
import { TenantTx } from '@qingshou/db';
import { hashToken, TOKEN_SHAPE } from '../domain/link-token';
import { SelfServiceRules, SelfServiceView } from './self-service-rules';

/** A link that may be used right now, with what the page needs of its case and debtor. */
export interface OpenLink {
  readonly tenantId: string;
  readonly linkId: string;
  readonly tokenHash: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly debtorKind: string;
  readonly debtorName: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly officeName: string;
  readonly timeZone: string;
  readonly codeHash: string | null;
  readonly codeExpiresAt: Date | null;
  readonly rules: SelfServiceView;
}

interface LinkRow {
  id: string;
  case_id: string;
  debtor_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  locked_until: Date | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  case_status: string;
  kind: string;
  name: string;
  id_number: string;
  phones: string[];
  office: string;
  time_zone: string;
}

/**
 * THE gate every step of the debtor's page passes: a malformed, unknown, expired, revoked or
 * locked link, a closed case or a pack that turned the page off all answer null — one answer,
 * reached through the same two lookups, so nothing tells them apart.
 */
@Injectable()
export class LinkGate {
  constructor(
    private readonly tx: TenantTx,
    private readonly rules: SelfServiceRules,
    private readonly clock: Clock,
  ) {}

  async open(token: string): Promise<OpenLink | null> {
    const shaped = TOKEN_SHAPE.test(token);
    // A malformed token still costs a hash and a lookup: the answer's timing tells nothing.
    const tokenHash = hashToken(shaped ? token : `malformed:${token.slice(0, 64)}`);
    const [route] = await this.tx.runUnscoped((em) =>
      em.execute<{ tenant_id: string; link_id: string }[]>(
        `select tenant_id, link_id from debtor_link_routes where token_hash = ?`,
        [tokenHash],
      ),
    );
    if (!route || !shaped) return null;
    return this.tx.run(route.tenant_id, (em) => this.load(em, route.tenant_id, tokenHash));
  }

  /** Inside a tenant transaction (the caller's): the link row again, locked for update. */
  async load(em: EntityManager, tenantId: string, tokenHash: string): Promise<OpenLink | null> {
    const [row] = await em.execute<LinkRow[]>(
      `select l.id, l.case_id, l.debtor_id, l.expires_at, l.revoked_at, l.locked_until,
              l.code_hash, l.code_expires_at, c.status as case_status, d.kind, d.name,
              d.id_number, d.phones, t.name as office, t.time_zone
         from debtor_links l
         join cases c on c.tenant_id = l.tenant_id and c.id = l.case_id
         join debtors d on d.tenant_id = l.tenant_id and d.id = l.debtor_id
         join tenants t on t.id = l.tenant_id
        where l.tenant_id = ? and l.token_hash = ?
        for update of l`,
      [tenantId, tokenHash],
    );
    if (!row) return null;
    const now = this.clock.now().getTime();
    if (row.revoked_at !== null || new Date(row.expires_at).getTime() <= now) return null;
    if (row.locked_until !== null && new Date(row.locked_until).getTime() > now) return null;
    if (isClosedStatus(row.case_status as CaseStatus)) return null;
    const rules = await this.rules.of(em, tenantId);
    if (!rules) return null;
    if (row.kind === 'organisation' && rules.employers !== 'credit-code') return null;
    return {
      tenantId,
      linkId: row.id,
      tokenHash,
      caseId: row.case_id,
      debtorId: row.debtor_id,
      debtorKind: row.kind,
      debtorName: row.name,
      idNumber: row.id_number,
      phone: row.phones[0] ?? null,
      officeName: row.office,
      timeZone: row.time_zone,
      codeHash: row.code_hash,
      codeExpiresAt: row.code_expires_at === null ? null : new Date(row.code_expires_at),
      rules,
    };
  }

  /**
   * A wrong answer (ID characters or code) counts on the link; the pack's count of them locks
   * it for the pack's minutes and forgets the code, so guessing cannot go on.
   */
  async recordWrong(em: EntityManager, link: OpenLink): Promise<boolean> {
    const lockUntil = new Date(this.clock.now().getTime() + link.rules.lockMinutes * 60_000);
    const [row] = await em.execute<{ locked: boolean }[]>(
      `update debtor_links
          set wrong_tries = case when wrong_tries + 1 >= ? then 0 else wrong_tries + 1 end,
              locked_until = case when wrong_tries + 1 >= ? then ? else locked_until end,
              code_hash = case when wrong_tries + 1 >= ? then null else code_hash end
        where tenant_id = ? and id = ?
        returning locked_until is not null and locked_until = ? as locked`,
      [
        link.rules.maxWrongTries,
        link.rules.maxWrongTries,
        lockUntil,
        link.rules.maxWrongTries,
        link.tenantId,
        link.linkId,
        lockUntil,
      ],
    );
    return row?.locked === true;
  }
}
