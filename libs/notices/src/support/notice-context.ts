import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CalendarService, daysBetween, isLocalDate, LocalDate } from '@qingshou/calendar';
import { FieldProblem, NotFoundError, ValidationFailedError } from '@qingshou/core';
import type { DeliveryRule } from '../rendering/front-matter';

export interface TenantProfile {
  readonly name: string;
  /** Letterhead and contact lines; absent when the tenant has not given them. */
  readonly address?: string;
  readonly phone?: string;
  readonly contactPerson?: string;
  readonly timeZone: string;
  /** Today in the tenant's time zone, by the injected clock. */
  readonly today: LocalDate;
}

/**
 * The tenant as notices print it, and its business date. Read with one line of SQL inside
 * the caller's transaction: notices may not import tenancy's entities (same level).
 */
@Injectable()
export class NoticeContext {
  constructor(private readonly calendar: CalendarService) {}

  async tenant(em: EntityManager, tenantId: string): Promise<TenantProfile> {
    const [row] = await em.execute<
      {
        name: string;
        time_zone: string;
        address: string | null;
        phone: string | null;
        contact_person: string | null;
      }[]
    >(`select name, time_zone, address, phone, contact_person from tenants where id = ?`, [
      tenantId,
    ]);
    if (!row) throw new NotFoundError('Tenant', tenantId);
    return {
      name: row.name,
      ...(row.address ? { address: row.address } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
      ...(row.contact_person ? { contactPerson: row.contact_person } : {}),
      timeZone: row.time_zone,
      today: this.calendar.today(row.time_zone),
    };
  }

  now(): Date {
    return this.calendar.now();
  }
}

/** Keys the lib fills in itself; a caller supplying them would print the wrong letterhead. */
export const RESERVED_DATA_KEYS = ['tenant', 'notice'] as const;

/**
 * The data a notice renders: the caller's fields plus `tenant` (the letterhead) and
 * `notice` (its id, title, date of issue and delivery rule for the deadline helper).
 */
export function composeNoticeData(
  data: Record<string, unknown>,
  tenant: TenantProfile,
  notice: { id: string | null; title: string; rule: DeliveryRule | null; issuedOn?: LocalDate },
): Record<string, unknown> {
  const clash = RESERVED_DATA_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(data, key));
  if (clash.length > 0) {
    throw new ValidationFailedError(
      'The notice data uses keys the notices lib fills in',
      clash.map((key) => ({
        path: `data.${key}`,
        reason: 'is filled in by the system; remove it',
      })),
    );
  }
  const issuedOn = notice.issuedOn ?? tenant.today;
  return {
    ...data,
    ...asOfLetterDate(data, issuedOn),
    // Absent fields stay absent: a template that requires one fails with its name.
    tenant: {
      name: tenant.name,
      ...(tenant.address ? { address: tenant.address } : {}),
      ...(tenant.phone ? { phone: tenant.phone } : {}),
      ...(tenant.contactPerson ? { contactPerson: tenant.contactPerson } : {}),
    },
    notice: {
      id: notice.id,
      title: notice.title,
      issuedOn,
      delivery: notice.rule ? { ...notice.rule } : null,
    },
  };
}

/**
 * The DPD a letter prints is as of the letter's date, not the day its data was computed: a
 * letter held for approval, or ordered by a run of an earlier date, is dated when it is issued
 * ("12月5日起…已逾期1天" dated 12月7日 was wrong). The data names the oldest unpaid due date
 * the DPD is measured from (`account.dpdSince`), so the one place every letter passes restates
 * it; data without it (a caller's own) is printed as given.
 */
function asOfLetterDate(
  data: Record<string, unknown>,
  issuedOn: LocalDate,
): { account?: Record<string, unknown> } {
  const account = data.account;
  if (account === null || typeof account !== 'object' || Array.isArray(account)) return {};
  const since = (account as Record<string, unknown>).dpdSince;
  if (!isLocalDate(since) || !isLocalDate(issuedOn)) return {};
  return { account: { ...account, dpd: Math.max(0, daysBetween(since, issuedOn)) } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Collects input problems and throws them together, like the HTTP validation pipe. */
export class InputProblems {
  private readonly problems: FieldProblem[] = [];

  add(path: string, reason: string): void {
    this.problems.push({ path, reason });
  }

  done(what: string): void {
    if (this.problems.length > 0) {
      throw new ValidationFailedError(
        `${what} has ${this.problems.length} invalid field(s)`,
        this.problems,
      );
    }
  }
}
