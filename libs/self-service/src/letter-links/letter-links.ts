import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { localDateOf, type LocalDate } from '@qingshou/calendar';
import { isClosedStatus, type CaseStatus } from '@qingshou/collection';
import { AppConfig } from '@qingshou/core';
import { EventLog } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { hashToken, newLinkToken } from '../domain/link-token';
import { SelfServiceRules } from '../support/self-service-rules';
import { insertDebtorLinks, type NewDebtorLink } from '../writers/debtor-link-writers';

/** One letter that prints the debtor's page (`selfService.url`, its QR). */
export interface LetterLinkRequest {
  readonly caseId: string;
  /** The notice's idempotency key: a letter already issued under it gets no second link. */
  readonly key: string;
  /** debtor, guarantor…: only the debtor can prove who they are on the page. */
  readonly recipient: string;
}

/** What a letter's template prints as `selfService.*`. */
export interface SelfServiceLinkData {
  readonly url: string;
  /** The link's last day, in the tenant's zone (printed 2026年4月4日 by the date helper). */
  readonly expiresOn: LocalDate;
  /** How many last characters of the ID number the debtor types. */
  readonly idDigits: number;
  /** A preview's stand-in: no link exists; the letter as sent carries its own. */
  readonly preview: boolean;
}

export interface LetterLinkMeta {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly now: Date;
}

/** The stand-in a preview prints: a link of the right host that opens nothing. */
export const PREVIEW_LINK_PATH = '/d/preview';

interface CaseRow {
  id: string;
  debtor_id: string;
  status: string;
  kind: string;
  time_zone: string;
}

/**
 * THE rule for a letter's link to the debtor's page, whatever path prints the letter (the
 * nightly run, a rule, a released hold, the console's letter and batch letters): issued only
 * where the tenant's pinned pack enables self-service with the `letter-qr` channel, for a
 * letter to the debtor (an employer only where the pack verifies employers) on an open case.
 * Each letter gets its own link (`channel` letter-qr, `DebtorLinkIssued` on the case's audit
 * chain), living the pack's `linkDays`. A preview gets a stand-in, so looking at a letter
 * mints nothing; a letter whose key already issued a notice gets nothing (the stored letter
 * keeps the link it printed). Letters left out get no `selfService`, and templates print the
 * QR inside `{{#if selfService}}`.
 */
@Injectable()
export class LetterLinks {
  constructor(
    private readonly rules: SelfServiceRules,
    private readonly events: EventLog,
    private readonly config: AppConfig,
  ) {}

  async forLetters(
    em: EntityManager,
    meta: LetterLinkMeta,
    letters: readonly LetterLinkRequest[],
    mode: 'issue' | 'preview',
  ): Promise<Map<string, SelfServiceLinkData>> {
    const out = new Map<string, SelfServiceLinkData>();
    const toDebtor = letters.filter((l) => l.recipient === 'debtor');
    if (toDebtor.length === 0) return out;
    const rules = await this.rules.of(em, meta.tenantId);
    if (!rules || !rules.channels.includes('letter-qr')) return out;
    const cases = new Map(
      (
        await em.execute<CaseRow[]>(
          `select c.id, c.debtor_id, c.status, d.kind, t.time_zone from cases c
             join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
             join tenants t on t.id = c.tenant_id
            where c.tenant_id = ? and c.id = any(?::uuid[])`,
          [meta.tenantId, `{${[...new Set(toDebtor.map((l) => l.caseId))].join(',')}}`],
        )
      ).map((r) => [r.id, r]),
    );
    const issued = new Set(
      mode === 'issue'
        ? (
            await em.execute<{ idempotency_key: string }[]>(
              `select idempotency_key from notices where tenant_id = ? and idempotency_key = any(?::text[])`,
              [meta.tenantId, textArray(toDebtor.map((l) => l.key))],
            )
          ).map((r) => r.idempotency_key)
        : [],
    );
    const expiresAt = new Date(meta.now.getTime() + rules.linkDays * 86_400_000);
    const rows: NewDebtorLink[] = [];
    for (const letter of toDebtor) {
      const found = cases.get(letter.caseId.toLowerCase());
      if (!found || isClosedStatus(found.status as CaseStatus) || issued.has(letter.key)) continue;
      if (found.kind === 'organisation' && rules.employers !== 'credit-code') continue;
      const expiresOn = localDateOf(expiresAt, found.time_zone);
      if (mode === 'preview') {
        const url = `${this.config.publicBaseUrl}${PREVIEW_LINK_PATH}`;
        out.set(letter.key, { url, expiresOn, idDigits: rules.idDigits, preview: true });
        continue;
      }
      const token = newLinkToken();
      const url = `${this.config.publicBaseUrl}/d/${token}`;
      rows.push({
        tenantId: meta.tenantId,
        id: randomUUID(),
        caseId: found.id,
        debtorId: found.debtor_id,
        tokenHash: hashToken(token),
        channel: 'letter-qr',
        noticeId: null,
        issuedBy: meta.actorId,
        issuedAt: meta.now,
        expiresAt,
      });
      out.set(letter.key, { url, expiresOn, idDigits: rules.idDigits, preview: false });
    }
    await insertDebtorLinks(em, rows);
    await this.events.append(
      em,
      { ...meta, occurredAt: meta.now },
      rows.map((row) => {
        const payload = {
          linkId: row.id,
          channel: row.channel,
          noticeId: null,
          expiresAt: expiresAt.toISOString(),
        };
        return {
          type: 'DebtorLinkIssued',
          aggregateType: 'case',
          aggregateId: row.caseId,
          payload,
          before: null,
          after: payload,
        };
      }),
    );
    return out;
  }
}

function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
