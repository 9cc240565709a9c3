import { addDays, compareLocalDates, type LocalDate } from '@qingshou/calendar';
import { dec, ZERO, type Balance } from '@qingshou/ledger';
import type { ActionName } from '@qingshou/policy';
import { boundedKey } from '../apply/action-rows';
import type { CaseFacts, ConditionData } from '../domain/case-facts';
import { holds } from '../domain/conditions';
import type { PlannedAction } from '../domain/ladder';
import type { RunContext } from '../run/run-context';

/** A pack reminder as pinned: `daysBefore` is a number once parameters are substituted. */
interface ReminderData {
  readonly id: string;
  readonly daysBefore: number;
  readonly when?: ConditionData;
  readonly do: readonly Record<string, unknown>[];
}

export interface ReminderCase {
  readonly facts: CaseFacts;
  readonly openedOn: LocalDate;
  readonly accounts: readonly { accountId: string; balance: Balance }[];
}

/**
 * 篇二/篇七 到期提醒: the reminder actions due for one case on `asOf`, one series per
 * installment. A reminder fires from its date (due date − daysBefore, calendar days) until
 * the day before the due date — so a night the run missed still reminds — but never for an
 * installment already due, already paid (prepayments carried as credit count, applied in
 * due-date order), or whose reminder date fell before the case was opened (a case that
 * arrives late is not reminded of what it could not have been reminded of). The key names
 * the installment: each fires once.
 */
export function remindersDue(ctx: RunContext, c: ReminderCase): PlannedAction[] {
  const reminders = (ctx.pack.pack.spec.reminders ?? []) as unknown as readonly ReminderData[];
  if (reminders.length === 0) return [];
  const upcoming = c.accounts.flatMap((a) => unpaidUpcoming(a.accountId, a.balance, ctx.asOf));
  if (upcoming.length === 0) return [];
  const out: PlannedAction[] = [];
  for (const reminder of reminders) {
    if (reminder.when && !holds(reminder.when, { asOf: ctx.asOf, facts: c.facts })) continue;
    for (const due of upcoming) {
      const remindOn = addDays(due.dueDate, -Number(reminder.daysBefore));
      if (compareLocalDates(remindOn, ctx.asOf) > 0) continue;
      if (compareLocalDates(remindOn, c.openedOn) < 0) continue;
      reminder.do.forEach((action, index) => {
        const name = Object.keys(action)[0] as ActionName;
        out.push({
          key: boundedKey(
            `${ctx.tenantId}:${c.facts.caseId}:reminder:${reminder.id}:${index}:${due.accountId}:${due.seq}`,
          ),
          stage: reminder.id,
          index,
          name,
          args: (action[name] ?? {}) as Record<string, unknown>,
          period: ctx.asOf,
          repeating: false,
        });
      });
    }
  }
  return out;
}

/**
 * Installments not yet due on `asOf` and not covered by money already received. The ledger
 * applies no receipt to an installment before it falls due; it carries it as overpayment,
 * which covers the next installments in due-date order.
 */
export function unpaidUpcoming(
  accountId: string,
  balance: Balance,
  asOf: LocalDate,
): { accountId: string; seq: number; dueDate: LocalDate }[] {
  let credit = dec(balance.overpayment ?? '0');
  const out: { accountId: string; seq: number; dueDate: LocalDate }[] = [];
  const future = [...balance.installments]
    .filter((i) => compareLocalDates(i.dueDate, asOf) > 0)
    .sort((a, b) => compareLocalDates(a.dueDate, b.dueDate) || a.seq - b.seq);
  for (const i of future) {
    const owed = dec(i.principal).plus(dec(i.interest));
    if (owed.lte(ZERO)) continue;
    if (credit.gte(owed)) {
      credit = credit.minus(owed);
      continue;
    }
    credit = ZERO;
    out.push({ accountId, seq: i.seq, dueDate: i.dueDate });
  }
  return out;
}
