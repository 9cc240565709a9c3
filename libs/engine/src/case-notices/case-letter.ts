import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CalendarService, isLocalDate, type LocalDate } from '@qingshou/calendar';
import { type FieldProblem, NotFoundError, ValidationFailedError } from '@qingshou/core';
import { AccountBalances } from '@qingshou/ledger';
import { LetterLinks } from '@qingshou/self-service';
import { checkNoticeInput } from '@qingshou/notices';
import { templatePurpose, type ResolvedTemplate } from '@qingshou/policy';
import { type NoticeGate, noticeGate } from '../apply/action-rows';
import type { ReadyNotice } from '../apply/notice-data';
import { noticeDataFor } from '../run/notice-orders';
import { PinnedPacks, tenantZone } from '../run/pinned-packs';
import { CaseHasNoAccountError } from './letter-refusals';
import type { NoticeOrder, RunContext } from '../run/run-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9-]{0,47}$/;

/** What a person asks for: a template of the pinned pack for a case, and nothing of its figures. */
export interface CaseLetterRequest {
  readonly caseId: string;
  /** `<pack>/<template>` of the tenant's pinned pack, e.g. leasing-dealer-arrears/final-notice. */
  readonly templateId: string;
  /** The letter's date; default today in the tenant's zone. Not after today. */
  readonly letterDate?: LocalDate;
  /** Who it is addressed to: the debtor (default) or a related party kind (guarantor…). */
  readonly recipient?: string;
  /** Only the fields the template declares as user input (front matter `input:`). */
  readonly input?: Record<string, unknown>;
}

/** A letter ready to be held, previewed or issued, decided as the nightly run decides it. */
export interface CaseLetter {
  readonly ctx: RunContext;
  readonly order: NoticeOrder;
  readonly template: ResolvedTemplate;
  /** The person's fields, checked against the declaration (printed as `input.*`). */
  readonly input: Record<string, unknown>;
  /** The approval the pack puts in front of this template, if any. */
  readonly gate: NoticeGate | null;
  readonly deliveryRule: { periodDays: number; fallbackOffsetDays: number } | null;
}

/** Shape checks that need no database: every problem named at once (400). */
export function checkLetterRequest(request: CaseLetterRequest): void {
  const problems: FieldProblem[] = [];
  if (!UUID.test(String(request.caseId)))
    problems.push({ path: 'caseId', reason: 'must be a UUID' });
  if (typeof request.templateId !== 'string' || !/^\S{1,200}$/.test(request.templateId)) {
    problems.push({
      path: 'templateId',
      reason: 'must name a template of the pinned pack, e.g. leasing-dealer-arrears/final-notice',
    });
  }
  if (request.letterDate !== undefined && !isLocalDate(request.letterDate)) {
    problems.push({ path: 'letterDate', reason: 'must be a calendar date written YYYY-MM-DD' });
  }
  if (request.recipient !== undefined && !SLUG.test(String(request.recipient))) {
    problems.push({ path: 'recipient', reason: 'must be debtor or a related party kind' });
  }
  if (problems.length > 0) {
    throw new ValidationFailedError(`The letter has ${problems.length} invalid field(s)`, problems);
  }
}

/**
 * A person's letter decided the way the engine decides its own (one path): the template
 * from the tenant's pinned pack, the delivery rule and params from the pack, the approval
 * gate from the pack, and — through the nightly run's builder — the case's debtor, accounts,
 * amounts, DPD and statement lines from the ledger as of the letter's date. The caller
 * contributes only the template's declared input. Call it after access has been decided.
 */
@Injectable()
export class CaseLetters {
  constructor(
    private readonly packs: PinnedPacks,
    private readonly ledger: AccountBalances,
    private readonly calendar: CalendarService,
    private readonly links: LetterLinks,
  ) {}

  async prepare(
    em: EntityManager,
    meta: { readonly tenantId: string; readonly actorId: string; readonly correlationId: string },
    request: CaseLetterRequest,
    key: string,
  ): Promise<CaseLetter> {
    const { tenantId } = meta;
    const view = await this.packs.require(em, tenantId);
    const template = templateOf(view.pack, request.templateId);
    const input = checkNoticeInput(template.input ?? [], request.input);
    const timeZone = await tenantZone(em, tenantId);
    const today = this.calendar.today(timeZone);
    const letterDate = request.letterDate ?? today;
    if (letterDate > today) {
      throw new ValidationFailedError('The letter is dated in the future', [
        { path: 'letterDate', reason: `must not be after today (${today})` },
      ]);
    }
    const [found] = await em.execute<
      { debtor_id: string; stage: string | null; accounts: number }[]
    >(
      `select c.debtor_id, c.stage,
              (select count(*)::int from case_accounts ca
               where ca.tenant_id = c.tenant_id and ca.case_id = c.id) as accounts
       from cases c where c.tenant_id = ? and c.id = ?`,
      [tenantId, request.caseId],
    );
    if (!found) throw new NotFoundError('case', request.caseId);
    if (found.accounts === 0) {
      // Nothing to demand: the figures come from the case's accounts, never from the caller.
      throw new CaseHasNoAccountError(request.caseId);
    }
    const recipient = request.recipient ?? 'debtor';
    if (recipient !== 'debtor') await requireParty(em, tenantId, found.debtor_id, recipient);
    const ctx: RunContext = {
      tenantId,
      asOf: letterDate,
      now: this.calendar.now(),
      timeZone,
      pack: view,
      calendar: this.packs.calendarOf(view, timeZone),
      actorId: meta.actorId,
      correlationId: meta.correlationId,
      dryRun: false,
    };
    const order: NoticeOrder = {
      caseId: request.caseId.toLowerCase(),
      debtorId: found.debtor_id,
      stage: found.stage ?? '',
      template: template.name,
      recipient,
      key,
      fresh: true,
    };
    return {
      ctx,
      order,
      template,
      input,
      gate: noticeGate(ctx, template.name),
      deliveryRule: view.noticeDelivery(template.name),
    };
  }

  /**
   * The data the template prints: the nightly run's builder, plus the person's input. A
   * preview prints a stand-in for the debtor's page link; issuing mints the letter's own.
   */
  async data(
    em: EntityManager,
    letter: CaseLetter,
    mode: 'issue' | 'preview',
  ): Promise<ReadyNotice> {
    const [ready] = await noticeDataFor(
      em,
      this.ledger,
      letter.ctx,
      [letter.order],
      this.links,
      mode,
    );
    return { ...ready, data: { ...ready.data, input: { ...letter.input } } };
  }
}

/** The pinned pack's template named `<pack>/<template>`; 404 for any other pack or name. */
function templateOf(
  pack: { readonly id: string; readonly templates: Readonly<Record<string, ResolvedTemplate>> },
  templateId: string,
): ResolvedTemplate {
  const [packId, name, extra] = templateId.split('/');
  const known =
    packId === pack.id &&
    extra === undefined &&
    !!name &&
    Object.prototype.hasOwnProperty.call(pack.templates, name);
  if (!known) throw new NotFoundError('Notice template', templateId);
  const template = pack.templates[name];
  if (templatePurpose(template) !== 'case-letter') {
    // A plan agreement prints one plan's figures: the 还款计划 panel prints it, never a case letter.
    throw new ValidationFailedError('The template is not a case letter', [
      {
        path: 'templateId',
        reason: `${templateId} is the plan agreement (分期还款协议书): print it from the case's 还款计划 panel`,
      },
    ]);
  }
  return template;
}

async function requireParty(
  em: EntityManager,
  tenantId: string,
  debtorId: string,
  kind: string,
): Promise<void> {
  const rows = await em.execute(
    `select 1 from related_parties where tenant_id = ? and debtor_id = ? and kind = ? limit 1`,
    [tenantId, debtorId, kind],
  );
  if (rows.length === 0) {
    throw new ValidationFailedError('The letter names a recipient the debtor does not have', [
      { path: 'recipient', reason: `the case's debtor has no ${kind}` },
    ]);
  }
}
