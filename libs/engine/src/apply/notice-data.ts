import { EntityManager } from '@mikro-orm/postgresql';
import { deadlineFrom } from '@qingshou/calendar';
import {
  amountInWords,
  type Balance,
  dec,
  formatMoney,
  maskIdNumber,
  maskPhone,
  ZERO,
} from '@qingshou/ledger';
import { noticeIncentives, type PricedAccount, type PinnedIncentive } from '@qingshou/outcomes';
import type { LetterLinks } from '@qingshou/self-service';
import { statementOf } from '../domain/statement';
import type { EvaluatedAccount } from '../load/case-facts';
import { groupBy, pgArray } from '../load/sql';
import { salutationOf } from './salutation';
import { withSelfServiceLinks } from './self-service-links';
import type { NoticeOrder, RunContext } from '../run/run-context';

type Row = Record<string, string | string[] | null>;
export type AccountBalance = EvaluatedAccount;

/** A notice order with the data its template prints (SUPPLIED_TEMPLATE_FIELDS). */
export interface ReadyNotice extends NoticeOrder {
  readonly data: Record<string, unknown>;
}

const RECIPIENT_ZH: Readonly<Record<string, string>> = {
  debtor: '借款人',
  guarantor: '担保人',
  'co-borrower': '共同借款人',
};

/**
 * The fields a pack template may require, read for the chunk's notice orders in a handful
 * of statements (plus one approval lookup per priced incentive account). Masked identity only (DESIGN §3); amounts as fen strings and in capitals.
 * A field the data does not have is left out, so a template that needs it fails to render
 * with its name, instead of printing a blank.
 */
export async function withNoticeData(
  em: EntityManager,
  ctx: RunContext,
  orders: readonly NoticeOrder[],
  balances: ReadonlyMap<string, readonly AccountBalance[]>,
  links: LetterLinks | null,
  mode: 'issue' | 'preview' = 'issue',
): Promise<ReadyNotice[]> {
  if (orders.length === 0) return [];
  const ready = await figuresOf(em, ctx, orders, balances);
  // The debtor's page (issue 16 §3): a letter's QR link, by the one rule for every path.
  return withSelfServiceLinks(em, ctx, ready, links, mode);
}

async function figuresOf(
  em: EntityManager,
  ctx: RunContext,
  orders: readonly NoticeOrder[],
  balances: ReadonlyMap<string, readonly AccountBalance[]>,
): Promise<ReadyNotice[]> {
  const caseIds = pgArray([...new Set(orders.map((o) => o.caseId))]);
  const cases = new Map(
    (
      await em.execute<Row[]>(
        `select c.id, d.kind, d.name, d.id_number, d.phones, d.address, u.display_name as collector
         from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         left join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
         where c.tenant_id = ? and c.id = any(?::uuid[])`,
        [ctx.tenantId, caseIds],
      )
    ).map((r) => [String(r.id), r]),
  );
  const parties = groupBy(
    await em.execute<Row[]>(
      `select c.id as case_id, p.kind, p.party_type, p.name, p.id_number, p.address from cases c
       join related_parties p on p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id
       where c.tenant_id = ? and c.id = any(?::uuid[]) order by p.created_at, p.id`,
      [ctx.tenantId, caseIds],
    ),
    (r) => String(r.case_id),
  );
  const accountIds = [...balances.values()].flat().map((a) => a.accountId);
  const accounts = new Map(
    (
      await em.execute<Row[]>(
        `select id, external_ref, type, start_date::text as start_date, principal::text as principal
         from accounts where tenant_id = ? and id = any(?::uuid[])`,
        [ctx.tenantId, pgArray(accountIds)],
      )
    ).map((r) => [String(r.id), r]),
  );
  const drive = await currentDrive(em, ctx);
  const groups = new Map(
    (
      await em.execute<Row[]>(
        `select distinct on (c.id) c.id, g.name from cases c
         join debtor_group_members m on m.tenant_id = c.tenant_id and m.debtor_id = c.debtor_id
         join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
         where c.tenant_id = ? and c.id = any(?::uuid[]) order by c.id, g.type, g.code`,
        [ctx.tenantId, caseIds],
      )
    ).map((r) => [String(r.id), String(r.name)]),
  );
  const incentives = (ctx.pack.pack.spec.incentives ?? []) as unknown as PinnedIncentive[];
  const incentivesOf = new Map<string, Awaited<ReturnType<typeof noticeIncentives>>>();
  for (const caseId of new Set(orders.map((o) => o.caseId))) {
    const priced = (balances.get(caseId) ?? []).filter(
      (a): a is AccountBalance & PricedAccount => !!a.loan && !!a.compute,
    );
    incentivesOf.set(
      caseId,
      await noticeIncentives(em, ctx.tenantId, incentives, priced, ctx.asOf),
    );
  }
  return orders.map((order) => {
    const c = cases.get(order.caseId);
    const own = parties.get(order.caseId) ?? [];
    const party = (kind: string) => own.find((p) => p.kind === kind);
    const list = balances.get(order.caseId) ?? [];
    // The oldest unpaid due date of all the case's accounts: the DPD is measured from it,
    // so the notices lib can restate it as of the letter's date (composeNoticeData).
    const dpdSince = list
      .flatMap((a) => a.balance.installments.filter((i) => i.dpd > 0).map((i) => i.dueDate))
      .sort()[0];
    // The letter names the account in arrears longest, not whichever the case lists first (a
    // dealer's case holds current receivables beside the overdue one).
    const first =
      list.find((a) => a.balance.installments.some((i) => i.dpd > 0 && i.dueDate === dpdSince)) ??
      list[0];
    const account = first ? accounts.get(first.accountId) : undefined;
    const sum = (pick: (b: Balance) => string) =>
      list.reduce((acc, a) => acc.plus(dec(pick(a.balance))), ZERO);
    const overdue = sum((b) => b.overduePrincipal).plus(sum((b) => b.overdueInterest));
    const totalDue = sum((b) => b.totalDue);
    const unpaid = first?.balance.installments.find((i) => i.dpd > 0);
    // 欠缴月数 of a contribution account (one installment a month): the months still unpaid.
    const overdueInstallments = list.reduce(
      (n, a) => n + a.balance.installments.filter((i) => i.dpd > 0).length,
      0,
    );
    const next = first?.balance.installments.find((i) => i.dueDate >= ctx.asOf);
    const recipient = order.recipient === 'debtor' ? undefined : party(order.recipient);
    const phones = (c?.phones as string[] | null) ?? [];
    const idNumber = c?.id_number ? String(c.id_number) : undefined;
    const debtorKind = c?.kind ? String(c.kind) : undefined;
    const debtorSalutation = salutationOf(
      c?.name ? String(c.name) : undefined,
      debtorKind,
      idNumber,
    );
    const data: Record<string, unknown> = {
      debtor: prune({
        name: c?.name,
        kind: debtorKind,
        salutation: debtorSalutation,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : undefined,
        address: c?.address,
        phoneMasked: phones[0] ? maskPhone(phones[0]) : undefined,
      }),
      recipient: prune({
        name: recipient ? recipient.name : c?.name,
        // The letter says 您 to the debtor, and names the debtor to a guarantor or co-borrower.
        isDebtor: !recipient,
        salutation: recipient
          ? salutationOf(
              String(recipient.name),
              String(recipient.party_type ?? 'person'),
              recipient.id_number ? String(recipient.id_number) : undefined,
            )
          : debtorSalutation,
        role: RECIPIENT_ZH[order.recipient] ?? order.recipient,
        address: recipient ? recipient.address : c?.address,
      }),
      account: prune({
        ref: account?.external_ref,
        type: account?.type,
        startDate: account?.start_date,
        principal: account?.principal ? formatMoney(String(account.principal)) : undefined,
        outstandingPrincipal: formatMoney(sum((b) => b.outstandingPrincipal)),
        overdueAmount: formatMoney(overdue),
        overdueAmountUpper: amountInWords(formatMoney(overdue)),
        overduePrincipal: formatMoney(sum((b) => b.overduePrincipal)),
        overdueInterest: formatMoney(sum((b) => b.overdueInterest)),
        penaltyInterest: formatMoney(sum((b) => b.penaltyInterest)),
        compoundInterest: formatMoney(sum((b) => b.compoundInterest)),
        totalDue: formatMoney(totalDue),
        totalDueUpper: amountInWords(formatMoney(totalDue)),
        dpd: Math.max(0, ...list.map((a) => a.balance.dpd)),
        firstUnpaidDueDate: unpaid?.dueDate,
        dpdSince,
        overdueInstallments,
        nextDueDate: next?.dueDate,
        nextDueAmount: next ? formatMoney(dec(next.principal).plus(dec(next.interest))) : undefined,
      }),
      case: prune({
        ref: order.caseId.slice(0, 8).toUpperCase(),
        stage: ctx.pack.stages.find((s) => s.id === order.stage)?.names?.zh ?? order.stage,
        collector: c?.collector,
      }),
    };
    const guarantor = party('guarantor');
    if (guarantor) data.guarantor = prune({ name: guarantor.name });
    const statement = statementOf(
      list.map((a) => ({
        ref: String(accounts.get(a.accountId)?.external_ref ?? ''),
        balance: a.balance,
        loan: a.loan,
      })),
    );
    data.statement = {
      lines: statement.lines.map((line) => ({ ...line })),
      balance: statement.balance,
      balanceUpper: amountInWords(statement.balance),
    };
    const returnWithin = ctx.pack.pack.spec.notices.find((n) => n.template === order.template)
      ?.replySlip?.returnWithinDays;
    if (returnWithin !== undefined) {
      // 篇一 对账单: the slip comes back within the pack's days, counted like every notice
      // period — the notice date not counted, a period ending on a day off runs to the next
      // working day of the tenant's calendar.
      data.replySlip = { returnBy: deadlineFrom(ctx.asOf, Number(returnWithin), ctx.calendar) };
    }
    const printed = incentivesOf.get(order.caseId) ?? [];
    if (printed.length > 0) {
      data.incentive = { ...printed[0] };
      data.incentives = printed.map((i) => ({ ...i }));
    }
    if (drive) data.drive = { ...drive };
    const group = groups.get(order.caseId);
    if (group) data.group = { name: group };
    // The pack's pinned parameters (pay-within days, the aid centre's name…) print as set.
    data.params = { ...ctx.pack.pack.params };
    return { ...order, data };
  });
}

/** The drive running on the date (the latest launched on or before it, not yet ended). */
async function currentDrive(
  em: EntityManager,
  ctx: RunContext,
): Promise<{ name: string; phase?: string } | null> {
  const [row] = await em.execute<{ names: { zh: string }; phase: { zh: string } | null }[]>(
    `select dr.names, (select ph.names from drive_phases ph
                       where ph.tenant_id = dr.tenant_id and ph.drive_id = dr.id
                         and ?::date between ph.starts_on and ph.ends_on) as phase
     from drives dr where dr.tenant_id = ? and dr.launch_date <= ?::date and dr.ends_on >= ?::date
     order by dr.launch_date desc limit 1`,
    [ctx.asOf, ctx.tenantId, ctx.asOf, ctx.asOf],
  );
  if (!row) return null;
  return { name: row.names.zh, ...(row.phase ? { phase: row.phase.zh } : {}) };
}

/** Drops undefined and null fields: the notice data must be plain JSON, and absent means absent. */
function prune(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== null),
  );
}
