import { randomBytes } from 'node:crypto';
import {
  AddCaseCost,
  AssignCase,
  CloseCase,
  CompleteTask,
  CreateTask,
  CreateTeam,
  EvaluatePromises,
  LogContact,
  RecordPromise,
} from '../../../libs/collection/src';
import { AddGroupMember, RegisterAccount, RegisterDebtor } from '../../../libs/ledger/src';
import type { Role } from '../../../libs/core/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { residentId } from '../../collection/support/fixtures';
import { meta, openCase, packTenant, pay } from '../../packs/support/pack-scenario';
import { reverse } from './kpi-fixtures';
import { at, dateOf, DAY, dayNo, plusDays, plusMonths, prng } from './kpi-sql-book-kit';
import { seedPlanRows } from './plan-rows';

/** The book's last day: every metric is measured on it, and on MID. */
export const AS_OF = '2026-04-23';
export const MID = '2026-03-18';
export const VILLAGES = ['东村', '西村', '南村', '北村'];
export const COLLECTORS = ['c1', 'c2', 'c3', 'c4'] as const;

export interface SqlBook {
  readonly api: CollectionTestApi;
  readonly tenantId: string;
  /** What the book holds, to report the size of what was compared. */
  readonly counts: Record<string, number>;
}

type Event = { at: string; run: () => Promise<unknown> };

/**
 * One generated book on the test-conditions pack (accountTypes [loan]), every fact made by
 * the product's own commands in date order with the clock set to each moment: loan debtors
 * with 3–6 monthly installments (some with interest), employers with contribution plans,
 * housing-fund borrowers; one debtor-scope case each, assigned to four collectors (some
 * reassigned, some never, some closed) in two teams; receipts on time, late, partial, ahead, reversed
 * (and repaid the same day); contacts at any minute of the pack's allowed hours (08:00–21:00
 * in Beijing, so a local date is also the UTC one); promises kept and broken; tasks with
 * SLAs done in time, late, cancelled, open; costs; four villages. Deterministic.
 */
export async function generateSqlBook(seed: number, loanDebtors: number): Promise<SqlBook> {
  const users: Record<string, Role[]> = { boss: ['manager'] };
  for (const c of COLLECTORS) users[c] = ['phone-collector'];
  const tenant = await packTenant('test-conditions', `2026-01-05T09:00:00+08:00`, users);
  const { api, tenantId } = tenant;
  try {
    const counts = await fill(api, tenantId, tenant.users, seed, loanDebtors);
    await seedPlanRows(api, tenantId, AS_OF);
    return { api, tenantId, counts };
  } catch (error) {
    await api.close();
    throw error;
  }
}

async function fill(
  api: CollectionTestApi,
  tenantId: string,
  users: Record<string, { id: string }>,
  seed: number,
  loanDebtors: number,
): Promise<Record<string, number>> {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const money = (lo: number, hi: number) => (int(lo * 100, hi * 100) / 100).toFixed(2);
  const m = (actor?: string) => meta(tenantId, actor);
  const bossId = users.boss.id;
  const events: Event[] = [];
  const later = (when: string, run: () => Promise<unknown>) => events.push({ at: when, run });
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const lastDay = dayNo(AS_OF);
  const randomDay = (from: string, to = AS_OF) => dateOf(int(dayNo(from), dayNo(to)));
  // Two teams of two collectors: a case's team follows its collector (the `team` breakdown).
  for (const [name, members] of [
    ['一组', ['c1', 'c2']],
    ['二组', ['c3', 'c4']],
  ] as const) {
    const team = members.map((c) => ({ userId: users[c].id, role: 'member' as const }));
    await api.commands.execute(new CreateTeam(m(), name, team));
  }

  const kinds: ['loan' | 'employer-contribution' | 'housing-fund-loan', number][] = [
    ['loan', loanDebtors],
    ['employer-contribution', 16],
    ['housing-fund-loan', 14],
  ];
  for (const [type, n] of kinds) {
    for (let i = 0; i < n; i += 1) {
      const debtor = await api.commands.execute(
        new RegisterDebtor(m(), {
          // Employers too are registered as persons: the book needs no credit codes.
          kind: 'person',
          name: `${type === 'loan' ? '借款人' : type === 'housing-fund-loan' ? '职工' : '单位'}${i}`,
          idNumber: residentId(),
        }),
      );
      count('debtors');
      const village = rnd() < 0.9 ? pick(VILLAGES) : null;
      if (village) {
        await api.commands.execute(
          new AddGroupMember(m(), debtor.id, { type: 'village', code: village, name: village }),
        );
      }
      const accountIds: string[] = [];
      for (let a = 0; a < (type === 'loan' && rnd() < 0.3 ? 2 : 1); a += 1) {
        const installments = schedule(type);
        const principal = installments.reduce((s, x) => s + Number(x.principal), 0).toFixed(2);
        const account = await api.commands.execute(
          new RegisterAccount(m(), {
            debtorId: debtor.id,
            type,
            source: 'test',
            externalRef: `K-${randomBytes(5).toString('hex')}`,
            principal,
            annualRate: '0',
            startDate: '2025-05-01',
            schedule: { method: 'given', installments },
          }),
        );
        count(`accounts:${type}`);
        count('installments', installments.length);
        receiptsFor(account.id as string, installments);
        accountIds.push(account.id as string);
      }
      const caseId = await openCase(api, tenantId, bossId, debtor.id);
      count('cases');
      caseLife(caseId, debtor.id, accountIds[0]);
    }
  }
  // Promises are judged every Monday night and on the last day.
  for (let d = dayNo('2026-01-12'); d <= lastDay; d += 7) {
    const date = dateOf(d);
    later(at(date, 60), () => api.commands.execute(new EvaluatePromises(m(), date)));
  }
  later(at(AS_OF, 23 * 60 + 50), () => api.commands.execute(new EvaluatePromises(m(), AS_OF)));

  events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  for (const e of events) {
    api.clock.set(e.at);
    await e.run();
  }
  return counts;

  function schedule(type: string) {
    const n = type === 'loan' ? int(3, 6) : type === 'housing-fund-loan' ? 24 : 6;
    const first =
      type === 'loan'
        ? randomDay('2025-10-05', '2026-05-20')
        : type === 'housing-fund-loan'
          ? randomDay('2025-06-01', '2025-07-28')
          : '2025-11-15';
    const interest = type === 'loan' && rnd() < 0.5 ? money(5, 60) : '0.00';
    const each = type === 'loan' ? money(300, 3000) : money(1000, 4000);
    return Array.from({ length: n }, (_, k) => ({
      dueDate: plusMonths(first, k),
      principal: each,
      interest: type === 'housing-fund-loan' ? '180.00' : interest,
    }));
  }

  /** Receipts as the account's habit has them, each on its day. */
  function receiptsFor(
    accountId: string,
    installments: { dueDate: string; principal: string; interest: string }[],
  ) {
    const receipt = (on: string, amount: string) => {
      count('receipts');
      later(at(on, int(9 * 60, 17 * 60)), () => pay(api, tenantId, accountId, on, amount));
    };
    const due = installments.filter((x) => x.dueDate <= AS_OF);
    const amountOf = (x: (typeof installments)[number]) =>
      (Number(x.principal) + Number(x.interest)).toFixed(2);
    const habit = rnd();
    if (habit < 0.2) return; // never pays
    if (habit < 0.45) {
      // On time until it stops.
      const stop = int(0, due.length);
      due.slice(0, stop).forEach((x) => receipt(x.dueDate, amountOf(x)));
    } else if (habit < 0.65) {
      for (const x of due) {
        const on = plusDays(x.dueDate, int(3, 40));
        if (on <= AS_OF) receipt(on, amountOf(x));
      }
    } else if (habit < 0.8) {
      for (let k = int(1, 4); k > 0; k -= 1) receipt(randomDay('2025-11-01'), money(50, 900));
    } else if (habit < 0.9) {
      const total = installments.reduce((s, x) => s + Number(amountOf(x)), 0).toFixed(2);
      receipt(randomDay('2025-12-01'), total);
    } else if (due.length > 0) {
      // A receipt that bounces (冲正) and, sometimes, is paid again on the reversal's day.
      const x = due[int(0, due.length - 1)];
      const on = x.dueDate < '2025-11-01' ? randomDay('2025-11-01') : x.dueDate;
      const back = dateOf(Math.min(lastDay, dayNo(on) + int(0, 10)));
      let paymentId = '';
      later(at(on, 10 * 60), async () => {
        paymentId = await pay(api, tenantId, accountId, on, amountOf(x));
      });
      later(at(back, 15 * 60), () => reverse(api, tenantId, paymentId, back));
      count('receipts');
      count('reversals');
      if (rnd() < 0.6) receipt(back, amountOf(x));
    }
  }

  /** Assignment, contacts, promises, tasks, costs and closing over the case's life. */
  function caseLife(caseId: string, debtorId: string, accountId: string) {
    const closedOn = rnd() < 0.06 ? randomDay('2026-02-15', plusDays(AS_OF, -1)) : null;
    const open = (on: string) => closedOn === null || on < closedOn;
    const assign = (date: string, collector: string, note?: string) =>
      later(at(date, 9 * 60 + 30), () =>
        api.commands.execute(
          new AssignCase(m(), { caseId, assigneeId: users[collector].id, handoverNote: note }),
        ),
      );
    if (rnd() < 0.92) {
      assign('2026-01-05', pick(COLLECTORS));
      const moved = randomDay('2026-02-01');
      if (rnd() < 0.12 && open(moved)) {
        assign(moved, pick(COLLECTORS), '交接');
        count('reassignments');
      }
    }
    for (let k = int(0, 3); k > 0; k -= 1) {
      const minute = int(8 * 60, 20 * 60 + 50); // the pack's allowed hours
      const day = randomDay('2026-01-06');
      const made = at(day, minute);
      const channel = rnd() < 0.7 ? 'call' : 'visit';
      const outcomeCode = pick(
        channel === 'call'
          ? ['reached', 'refused', 'no-answer', 'busy', 'disputed']
          : ['reached', 'refused', 'not-at-home'],
      );
      // Logged within the hour, on its day (the pack's back-dating limit).
      const logged = new Date(Date.parse(made) + int(1, 50) * 60_000).toISOString();
      if (!open(day) || logged.slice(0, 10) > AS_OF) continue;
      later(logged, () =>
        api.commands.execute(
          new LogContact(m(), { caseId, channel, party: 'debtor', outcomeCode, attemptedAt: made }),
        ),
      );
      count('contacts');
    }
    if (rnd() < 0.35) {
      // The first few fall due on the week's first day: a period's bounds are inclusive.
      const edge = (counts.promises ?? 0) < 4;
      const on = edge ? '2026-04-13' : randomDay('2026-01-10', plusDays(AS_OF, -3));
      const dueOn = edge ? '2026-04-20' : plusDays(on, int(2, 14));
      const amount = money(100, 400);
      if (open(dueOn)) {
        later(at(on, 11 * 60), () =>
          api.commands.execute(new RecordPromise(m(), { caseId, amount, dueOn })),
        );
        count('promises');
        // Half are kept: the money comes before the date.
        if (rnd() < 0.5) {
          const paidOn = plusDays(on, 1);
          later(at(paidOn, 16 * 60), () => pay(api, tenantId, accountId, paidOn, amount));
          count('receipts');
        }
      }
    }
    for (let k = rnd() < 0.4 ? int(1, 2) : 0; k > 0; k -= 1) {
      const day = randomDay('2026-02-01');
      const created = at(day, int(9 * 60, 16 * 60));
      const fate = rnd();
      // 篇八's steps, each a task title: the `step` breakdown groups by it.
      const title = pick(['录入', '分配', '开始催收', '外访']);
      const endOf = (ms: number) => new Date(Date.parse(created) + ms).toISOString();
      const doneAt = fate < 0.4 ? endOf(3_600_000) : fate < 0.65 ? endOf(5 * DAY) : endOf(2 * DAY);
      if (!open(doneAt.slice(0, 10))) continue;
      let taskId = '';
      later(created, async () => {
        const task = await api.commands.execute(
          new CreateTask(m(bossId), {
            caseId,
            kind: 'review',
            title,
            dueAt: endOf(2 * DAY),
            slaWorkingHours: pick([2, 4, 16]),
          }),
        );
        taskId = task.id;
      });
      count('tasks');
      if (fate < 0.8 && doneAt <= at(AS_OF, 23 * 60)) {
        const status = fate < 0.65 ? 'done' : 'cancelled';
        later(doneAt, () =>
          api.commands.execute(new CompleteTask(m(bossId), taskId, status, '已核查')),
        );
      }
    }
    if (rnd() < 0.25) {
      const on = randomDay('2026-01-06');
      const amount = money(20, 300);
      if (open(on)) {
        later(at(on, 14 * 60), () =>
          api.commands.execute(
            new AddCaseCost(m(), { caseId, category: 'travel', amount, incurredOn: on }),
          ),
        );
        count('costs');
      }
    }
    if (closedOn) {
      later(at(closedOn, 18 * 60), () =>
        api.commands.execute(new CloseCase(m(bossId), caseId, 'closed', '测试结案')),
      );
      count('closed cases');
      // Most fall behind again: a new case, another collector; the old one keeps its holder.
      const again = plusDays(closedOn, int(1, 5));
      if (rnd() < 0.7 && again <= AS_OF) {
        const collector = pick(COLLECTORS);
        later(at(again, 10 * 60), async () => {
          const next = await openCase(api, tenantId, bossId, debtorId);
          await api.commands.execute(
            new AssignCase(m(), { caseId: next, assigneeId: users[collector].id }),
          );
        });
        count('reopened cases');
      }
    }
  }
}
