import { randomBytes } from 'node:crypto';
import {
  AddCaseCost,
  EvaluatePromises,
  LogContact,
  PauseCase,
  RecordPromise,
  ResumeCase,
} from '../../../libs/collection/src';
import { AddGroupMember, RegisterAccount, RegisterDebtor } from '../../../libs/ledger/src';
import { LaunchDrive, RecordAttribute } from '../../../libs/outcomes/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { residentId } from '../../collection/support/fixtures';
import { openCase, pay, reverse } from '../../kpi/support/kpi-fixtures';
import { meta, nightOf, ownerQuery, packTenant, runNight } from '../../packs/support/pack-scenario';
import { seedPlanRows } from '../../kpi/support/plan-rows';

/** The date both forms are evaluated on. */
export const AS_OF = '2026-04-20';

/** The drive's dates (pack parameters): collection runs over AS_OF. */
export const BOOK_PARAMS = {
  driveStart: '2026-04-01',
  surveyEnd: '2026-04-05',
  collectionEnd: '2026-04-30',
};

export interface BookDebtor {
  readonly index: number;
  readonly debtorId: string;
  readonly accountIds: string[];
  readonly caseId: string;
}

export interface Book {
  readonly api: CollectionTestApi;
  readonly tenantId: string;
  readonly debtors: BookDebtor[];
}

const FIRST_DUES = ['2026-01-15', '2026-02-10', '2026-03-05', '2026-04-10', '2026-05-01'];
const VILLAGES = ['东村', '西村', null];

const plusMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * One generated book on the test-conditions pack, every fact a condition or metric reads
 * made by the platform's own commands where one exists: N debtors, each with one or two
 * loans of three monthly installments (some with interest) and one debtor-scope case
 * holding them; on-time, late, partial, full and reversed receipts; pauses (over, running
 * on AS_OF, resumed early); kept, broken and pending promises; contacts of every kind of
 * outcome; assessment attributes; village groups; the ladder run twice (stages, history);
 * a drive in its collection phase. Flags and overdue reasons, which only pack rules set,
 * are written as rows. The pattern is deterministic: debtor i's facts follow i mod k.
 */
export async function generateBook(count: number): Promise<Book> {
  const tenant = await packTenant(
    'test-conditions',
    nightOf('2026-01-10'),
    { boss: ['manager'] },
    BOOK_PARAMS,
  );
  try {
    return await fill(tenant.api, tenant.tenantId, tenant.users.boss.id, count);
  } catch (error) {
    // A book that cannot be built still releases its app (the spec never gets it to close).
    await tenant.api.close();
    throw error;
  }
}

async function fill(
  api: CollectionTestApi,
  tenantId: string,
  bossId: string,
  count: number,
): Promise<Book> {
  const m = () => meta(tenantId);
  const debtors: BookDebtor[] = [];
  const installmentsOf = new Map<string, { dueDate: string; amount: string }[]>();
  for (let i = 0; i < count; i += 1) {
    const debtor = await api.commands.execute(
      new RegisterDebtor(m(), { kind: 'person', name: `借款人${i}`, idNumber: residentId() }),
    );
    const accountIds: string[] = [];
    for (let a = 0; a < (i % 4 === 0 ? 2 : 1); a += 1) {
      const principal = (1000 * (1 + ((i + a) % 5))).toFixed(2);
      const first = FIRST_DUES[(i + a) % FIRST_DUES.length];
      const interest = i % 2 === 1 ? (10 + (i % 7)).toFixed(2) : '0.00';
      const third = (Number(principal) / 3).toFixed(2);
      const last = (Number(principal) - 2 * Number(third)).toFixed(2);
      const installments = [0, 1, 2].map((k) => ({
        dueDate: plusMonths(first, k),
        principal: k === 2 ? last : third,
        interest,
      }));
      const account = await api.commands.execute(
        new RegisterAccount(m(), {
          debtorId: debtor.id,
          type: 'loan',
          source: 'test',
          externalRef: `P-${randomBytes(5).toString('hex')}`,
          principal,
          annualRate: '0',
          startDate: '2025-12-01',
          schedule: { method: 'given', installments },
        }),
      );
      accountIds.push(account.id as string);
      installmentsOf.set(
        account.id as string,
        installments.map((x) => ({
          dueDate: x.dueDate,
          amount: (Number(x.principal) + Number(x.interest)).toFixed(2),
        })),
      );
    }
    const village = VILLAGES[i % 3];
    if (village) {
      await api.commands.execute(
        new AddGroupMember(m(), debtor.id, { type: 'village', code: village, name: village }),
      );
    }
    if (i % 3 !== 2) {
      await api.commands.execute(
        new RecordAttribute(m(), 'debtor', debtor.id, 'cash-position', i % 3 ? 'good' : 'poor'),
      );
    }
    const caseId = await openCase(api, tenantId, bossId, debtor.id);
    debtors.push({ index: i, debtorId: debtor.id, accountIds, caseId });
  }

  // 03-01: pauses (one over by AS_OF, one resumed early) and promises due 03-10.
  api.clock.set(nightOf('2026-03-01'));
  for (const d of debtors) {
    if (d.index % 7 === 2 || d.index % 7 === 6) {
      await api.commands.execute(
        new PauseCase(m(), {
          caseId: d.caseId,
          reason: 'dispute',
          fromOn: '2026-02-20',
          untilOn: '2026-03-20',
        }),
      );
    }
    if (d.index % 5 === 1 || d.index % 5 === 4) {
      await api.commands.execute(
        new RecordPromise(m(), { caseId: d.caseId, amount: '100.00', dueOn: '2026-03-10' }),
      );
    }
  }
  api.clock.set(nightOf('2026-03-08'));
  for (const d of debtors.filter((x) => x.index % 7 === 6)) {
    await api.commands.execute(new ResumeCase(m(), d.caseId));
  }
  // A promise kept: the money came before its date.
  for (const d of debtors.filter((x) => x.index % 5 === 4)) {
    await pay(api, tenantId, d.accountIds[0], '2026-03-08', '100.00');
  }
  api.clock.set(nightOf('2026-03-11'));
  await api.commands.execute(new EvaluatePromises(m(), '2026-03-11'));
  await runNight(api, tenantId, '2026-03-15');

  // 04-10: a pause running on AS_OF.
  api.clock.set(nightOf('2026-04-10'));
  for (const d of debtors.filter((x) => x.index % 7 === 5)) {
    await api.commands.execute(
      new PauseCase(m(), { caseId: d.caseId, reason: 'hardship', untilOn: '2026-05-10' }),
    );
  }
  await api.commands.execute(new LaunchDrive(m(), 'npl-drive', BOOK_PARAMS.driveStart));

  api.clock.set(nightOf(AS_OF));
  for (const d of debtors) {
    const [account] = d.accountIds;
    const [first, second] = installmentsOf.get(account) ?? [];
    const late = plusDays(first.dueDate, 3);
    if (d.index % 6 === 1 && late <= AS_OF) await pay(api, tenantId, account, late, first.amount);
    if (d.index % 6 === 2 && first.dueDate <= AS_OF) {
      const half = (Number(first.amount) / 2).toFixed(2);
      await pay(api, tenantId, account, first.dueDate, half);
    }
    if (d.index % 6 === 3) {
      for (const id of d.accountIds) {
        const total = (installmentsOf.get(id) ?? []).reduce((s, x) => s + Number(x.amount), 0);
        await pay(api, tenantId, id, '2026-04-01', total.toFixed(2));
      }
    }
    if (d.index % 6 === 5 && first.dueDate <= AS_OF) {
      const paid = await pay(api, tenantId, account, first.dueDate, first.amount);
      await reverse(api, tenantId, paid, plusDays(first.dueDate, 5));
      if (second && second.dueDate <= AS_OF) {
        await pay(api, tenantId, account, second.dueDate, second.amount);
      }
    }
    const contacts: [string, 'call' | 'visit', string][] = [];
    if (d.index % 4 === 1) contacts.push(['2026-04-18T10:00:00+08:00', 'call', 'reached']);
    if (d.index % 4 === 2) contacts.push(['2026-04-05T15:00:00+08:00', 'visit', 'refused']);
    if (d.index % 4 === 3) {
      contacts.push(['2026-03-01T09:30:00+08:00', 'call', 'stalling']);
      contacts.push(['2026-04-19T20:30:00+08:00', 'visit', 'reached']);
    }
    for (const [attemptedAt, channel, outcomeCode] of contacts) {
      // Logged an hour after it was made: history older than the pack's back-dating limit
      // is written as it was, on its day, not typed in on AS_OF.
      api.clock.set(new Date(new Date(attemptedAt).getTime() + 3_600_000));
      await api.commands.execute(
        new LogContact(m(), {
          caseId: d.caseId,
          channel,
          party: 'debtor',
          outcomeCode,
          attemptedAt,
        }),
      );
      api.clock.set(nightOf(AS_OF));
    }
    if (d.index % 5 === 3) {
      await api.commands.execute(
        new RecordPromise(m(), { caseId: d.caseId, amount: '200.00', dueOn: '2026-04-25' }),
      );
    }
    if (d.index % 8 === 0 || d.index % 8 === 4 || d.index % 8 === 6) {
      const onAccount = d.index % 8 === 4;
      await ownerQuery(
        api,
        `insert into pack_flags (tenant_id, id, flag, subject, subject_id, set_on, set_by, cleared_on)
         values ($1, gen_random_uuid(), 'credit-hold', $2, $3, '2026-04-01', 'test', $4)`,
        [
          tenantId,
          onAccount ? 'account' : 'debtor',
          onAccount ? account : d.debtorId,
          d.index % 8 === 6 ? '2026-04-10' : null,
        ],
      );
    }
    if (d.index % 4 === 0) {
      await ownerQuery(api, `update cases set overdue_reason_code = 'bad-faith' where id = $1`, [
        d.caseId,
      ]);
    }
  }
  for (const d of debtors.filter((x) => x.index % 5 === 0)) {
    await api.commands.execute(
      new AddCaseCost(m(), {
        caseId: d.caseId,
        category: 'travel',
        amount: (80 + d.index * 1.5).toFixed(2),
        incurredOn: d.index % 10 === 0 ? '2026-04-02' : '2026-02-15',
      }),
    );
  }
  await runNight(api, tenantId, AS_OF);
  // Tasks with an SLA (packs set them on tasks; this one has none): some done in time,
  // some late, some open, one cancelled.
  await ownerQuery(
    api,
    `update tasks t set sla_due_at = t.created_at + interval '2 days',
            status = case x.rn % 4 when 0 then 'done' when 1 then 'done' when 3 then 'cancelled' else t.status end,
            completed_at = case x.rn % 4 when 0 then t.created_at + interval '1 day'
                                         when 1 then t.created_at + interval '3 days' else t.completed_at end
     from (select id, row_number() over (order by id) as rn from tasks where tenant_id = $1) x
     where t.id = x.id and x.rn % 3 <> 2`,
    [tenantId],
  );
  // Accounts only the contribution and housing-fund metrics read, on debtors without a case.
  for (const [k, type, due, paid] of [
    [0, 'employer-contribution', '2026-02-01', '2026-02-03'],
    [1, 'employer-contribution', '2026-03-01', null],
    [2, 'employer-contribution', '2026-05-01', null],
    [3, 'housing-fund-loan', '2026-03-15', null],
  ] as const) {
    const debtor = await api.commands.execute(
      new RegisterDebtor(m(), { kind: 'person', name: `单位${k}`, idNumber: residentId() }),
    );
    const account = await api.commands.execute(
      new RegisterAccount(m(), {
        debtorId: debtor.id,
        type,
        source: 'test',
        externalRef: `C-${randomBytes(5).toString('hex')}`,
        principal: '3000.00',
        annualRate: '0',
        startDate: '2025-12-01',
        schedule: {
          method: 'given',
          installments: [0, 1, 2].map((n) => ({
            dueDate: plusMonths(due, n),
            principal: '1000.00',
            interest: '0.00',
          })),
        },
      }),
    );
    if (paid) await pay(api, tenantId, account.id as string, paid, '1000.00');
  }
  await seedPlanRows(api, tenantId, AS_OF);
  return { api, tenantId, debtors };
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
