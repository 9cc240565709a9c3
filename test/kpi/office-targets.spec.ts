import { assign, type Member, ownerQuery, tenantWithUsers } from '../collection/support/fixtures';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { startEngineApi } from '../engine/support/engine-api';
import { startEngineWorker } from '../engine/support/engine-worker';
import { CompleteTask, EvaluatePromises, LogContact } from '../../libs/collection/src';
import { SnapshotKpis } from '../../libs/outcomes/src';
import type { Role } from '../../libs/core/src';
import { bearer, borrower, installPack, meta, openCase, pay } from './support/kpi-fixtures';

/**
 * Issue 13 §1: the leasing, microloan and agency offices' targets from their real packs, each
 * on a small book whose figures are worked out by hand below. One app for the three tenants.
 */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface Row {
  readonly groupType: string;
  readonly groupCode: string;
  readonly display: string;
  readonly status: string;
  readonly gapDisplay: string | null;
}

describe('office targets on their packs (issue 13 §1): leasing 清欠, microloan, agency', () => {
  let api: CollectionTestApi;
  beforeAll(async () => {
    api = await startEngineApi(local('2026-03-06', '09:00'));
  }, 120_000);
  afterAll(async () => api?.close());

  async function office<K extends string>(slug: string, pack: string, users: Record<K, Role[]>) {
    const setup = await tenantWithUsers(api, slug, users);
    await installPack(api, setup.tenantId, pack);
    return setup;
  }

  /** Each result of a target as [groupType, code, value shown, status, gap shown]. */
  async function judged(token: string, asOf: string, id: string): Promise<string[][]> {
    const response = await api
      .http()
      .get(`/api/v1/targets?asOf=${asOf}`)
      .set(bearer(token))
      .expect(200);
    const target = response.body.targets.find((t: { id: string }) => t.id === id);
    return (target.results as Row[])
      .map((r) => [r.groupType, r.groupCode, r.display, r.status, r.gapDisplay ?? ''])
      .sort((a, b) => a.join().localeCompare(b.join()));
  }

  describe('leasing (篇五 第十一条/第十六条): overdue amount and count down ≥ 30% from the quarter’s opening', () => {
    let boss: Member;
    beforeAll(async () => {
      api.clock.set(local('2026-12-07', '10:00'));
      const setup = await office('lease-targets', 'leasing-dealer-arrears', {
        boss: ['manager'],
        sales1: ['phone-collector'],
        sales2: ['phone-collector'],
      });
      boss = setup.users.boss;
      const { tenantId } = setup;
      // Quarter from 2026-10-01. 华北/sales1: A 1,000 due 09-01 paid in full 11-10; B 1,000 due
      // 09-15 unpaid. 华东/sales2: C 2,000 due 08-01, 500 paid 10-20; D 1,000 due 11-01 unpaid.
      const book = [
        ['A', '华北', 'sales1', '1000.00', '2026-09-01', '1000.00', '2026-11-10'],
        ['B', '华北', 'sales1', '1000.00', '2026-09-15', null, null],
        ['C', '华东', 'sales2', '2000.00', '2026-08-01', '500.00', '2026-10-20'],
        ['D', '华东', 'sales2', '1000.00', '2026-11-01', null, null],
      ] as const;
      for (const [name, region, sales, principal, dueOn, paid, paidOn] of book) {
        const made = await borrower(api, tenantId, {
          name: `经销商${name}`,
          type: 'receivable',
          principal,
          startDate: '2026-06-01',
          dueOn,
          groups: [{ type: 'region', code: region }],
        });
        const caseId = await openCase(api, tenantId, boss.id, made.debtorId);
        await assign(api, boss, caseId, setup.users[sales]);
        if (paid && paidOn) await pay(api, tenantId, made.accountId, paidOn, paid);
      }
    }, 120_000);

    it('amount: opening 4,000 → now 3,500 is 12.50%, 17.50% short while the quarter runs (有风险); 华北 50.00% met, 华东 −25.00%', async () => {
      expect(await judged(boss.token, '2026-12-07', 'overdue-amount-reduction')).toEqual([
        ['collector', 'sales1', '50.00%', 'met', '0.00%'],
        ['collector', 'sales2', '-25.00%', 'at-risk', '55.00%'],
        ['region', '华东', '-25.00%', 'at-risk', '55.00%'],
        ['region', '华北', '50.00%', 'met', '0.00%'],
        ['tenant', 'tenant', '12.50%', 'at-risk', '17.50%'],
      ]);
    });

    it('count: 3 overdue at the opening, 3 now (B, C, D) is 0.00%; 华北 2 → 1 is 50.00%; 华东 1 → 2 is −100.00%', async () => {
      expect(await judged(boss.token, '2026-12-07', 'overdue-count-reduction')).toEqual([
        ['collector', 'sales1', '50.00%', 'met', '0.00%'],
        ['collector', 'sales2', '-100.00%', 'at-risk', '130.00%'],
        ['region', '华东', '-100.00%', 'at-risk', '130.00%'],
        ['region', '华北', '50.00%', 'met', '0.00%'],
        ['tenant', 'tenant', '0.00%', 'at-risk', '30.00%'],
      ]);
    });
  });

  describe('microloan (篇六): overdue rate ≤ 10% of the balance, recovery ≥ 20% of the month’s opening arrears', () => {
    let boss: Member;
    beforeAll(async () => {
      api.clock.set(local('2026-12-07', '10:00'));
      const setup = await office('micro-targets', 'microloan-overdue', {
        boss: ['manager'],
        xd1: ['phone-collector'],
      });
      boss = setup.users.boss;
      const { tenantId } = setup;
      // A 10,000 due 11-20 unpaid; B 10,000 due 11-10 paid 12-03; C 30,000 not due until 2027.
      for (const [name, principal, dueOn, paidOn] of [
        ['A', '10000.00', '2026-11-20', null],
        ['B', '10000.00', '2026-11-10', '2026-12-03'],
        ['C', '30000.00', '2027-01-15', null],
      ] as const) {
        const made = await borrower(api, tenantId, {
          name: `商户${name}`,
          type: 'microloan',
          principal,
          startDate: '2026-06-15',
          dueOn,
        });
        if (name !== 'C') {
          const caseId = await openCase(api, tenantId, boss.id, made.debtorId);
          await assign(api, boss, caseId, setup.users.xd1);
        }
        if (paidOn) await pay(api, tenantId, made.accountId, paidOn, principal);
      }
    }, 120_000);

    it('overdue rate: 10,000 of 40,000 outstanding = 25.00%, 15.00% over (of the whole book only)', async () => {
      expect(await judged(boss.token, '2026-12-07', 'overdue-rate')).toEqual([
        ['tenant', 'tenant', '25.00%', 'missed', '15.00%'],
      ]);
    });

    it('recovery: 10,000 recovered of 20,000 overdue on 12-01 = 50.00%, met', async () => {
      expect(await judged(boss.token, '2026-12-07', 'recovery-rate')).toEqual([
        ['collector', 'xd1', '50.00%', 'met', '0.00%'],
        ['tenant', 'tenant', '50.00%', 'met', '0.00%'],
      ]);
    });
  });

  describe('agency (篇八): SLA per step, contact rate, promises kept, recovery per batch and per collector', () => {
    let sup: Member;
    beforeAll(async () => {
      api.clock.set(local('2026-03-06', '09:00'));
      const setup = await office('card-targets', 'card-collection-agency', {
        sup: ['manager'],
        phone1: ['phone-collector'],
        phone2: ['phone-collector'],
      });
      sup = setup.users.sup;
      const { tenantId, users } = setup;
      const as = (who: Member) => meta(tenantId, who.id, ['phone-collector']);
      const cards: Record<string, { accountId: string; caseId: string }> = {};
      for (const [name, principal] of [
        ['A', '10000.00'],
        ['B', '8000.00'],
        ['C', '2000.00'],
      ] as const) {
        const made = await borrower(api, tenantId, {
          name: `持卡人${name}`,
          type: 'card-account',
          principal,
          startDate: '2025-12-01',
          dueOn: '2026-02-01',
        });
        cards[name] = { ...made, caseId: await openCase(api, tenantId, sup.id, made.debtorId) };
      }
      // Two bank batches (the import is tested in test/imports; here only the breakdown).
      for (const [batch, names] of [
        ['2026-03委案第1批.xlsx', ['A', 'B']],
        ['2026-03委案第2批.xlsx', ['C']],
      ] as const) {
        const [{ id }] = await ownerQuery<{ id: string }>(
          api,
          `insert into imports (tenant_id, id, kind, mapping_name, mapping, source, file_name,
             file_sha256, file_size, file_format, storage_key, status, requested_by, requested_at,
             updated_at)
           values ($1, gen_random_uuid(), 'cases', 'bank-cases', '{}', 'card', $2,
             repeat('a', 64), 1, 'xlsx', 'test', 'succeeded', 'test', now(), now())
           returning id`,
          [tenantId, batch],
        );
        await ownerQuery(
          api,
          `update cases set import_id = $2 where tenant_id = $1 and id = any($3::uuid[])`,
          [tenantId, id, names.map((n) => cards[n].caseId)],
        );
      }
      // Assigned Friday 10:00: each first call is due within 2 working hours (12:00).
      api.clock.set(local('2026-03-06', '10:00'));
      await assign(api, sup, cards.A.caseId, users.phone1);
      await assign(api, sup, cards.B.caseId, users.phone1);
      await assign(api, sup, cards.C.caseId, users.phone2);
      const worker = await startEngineWorker(api);
      try {
        for (const event of await worker.take(tenantId)) await worker.deliver(event);
      } finally {
        await worker.close();
      }
      const callOf = async (caseId: string) =>
        (
          await ownerQuery<{ id: string }>(
            api,
            `select id from tasks where tenant_id = $1 and case_id = $2 and kind = 'call'`,
            [tenantId, caseId],
          )
        )[0].id;
      const contact = async (
        who: Member,
        caseId: string,
        at: string,
        outcomeCode: string,
        promise?: { amount: string; dueOn: string },
      ) => {
        api.clock.set(at);
        const logged = await api.commands.execute(
          new LogContact(as(who), {
            caseId,
            channel: 'call',
            party: 'debtor',
            outcomeCode,
            notes: '电催，已录音',
            file: {
              data: Buffer.from('RIFF....WAVEfmt '),
              originalName: 'call.wav',
              contentType: 'audio/wav',
            },
            ...(promise ? { promise } : {}),
          }),
        );
        return logged.id;
      };
      // A: reached 11:00, promises 1,000 by 03-09, call done in time. B: reached 15:00 (late),
      // promises 500 by 03-09 and never pays. C: no answer, call left open past its SLA.
      const a = await contact(
        users.phone1,
        cards.A.caseId,
        local('2026-03-06', '11:00'),
        'promised-to-pay',
        {
          amount: '1000.00',
          dueOn: '2026-03-09',
        },
      );
      await api.commands.execute(
        new CompleteTask(as(users.phone1), await callOf(cards.A.caseId), 'done', undefined, {
          contactId: a,
        }),
      );
      await contact(users.phone2, cards.C.caseId, local('2026-03-06', '11:30'), 'no-answer');
      const b = await contact(
        users.phone1,
        cards.B.caseId,
        local('2026-03-06', '15:00'),
        'promised-to-pay',
        {
          amount: '500.00',
          dueOn: '2026-03-09',
        },
      );
      await api.commands.execute(
        new CompleteTask(as(users.phone1), await callOf(cards.B.caseId), 'done', undefined, {
          contactId: b,
        }),
      );
      api.clock.set(local('2026-03-09', '16:00'));
      await pay(api, tenantId, cards.A.accountId, '2026-03-09', '1000.00');
      api.clock.set(local('2026-03-10', '02:00'));
      await api.commands.execute(new EvaluatePromises(meta(tenantId, 'scheduler'), '2026-03-10'));
    }, 180_000);

    it('SLA: 1 of 3 first calls in time = 33.33%, 61.67% short of 95%, for the step and per collector', async () => {
      const rows = await judged(sup.token, '2026-03-10', 'sla-compliance');
      expect(rows.filter((r) => r[0] !== 'step')).toEqual([
        ['collector', 'phone1', '50.00%', 'at-risk', '45.00%'],
        ['collector', 'phone2', '0.00%', 'at-risk', '95.00%'],
        ['tenant', 'tenant', '33.33%', 'at-risk', '61.67%'],
      ]);
      const steps = rows.filter((r) => r[0] === 'step');
      expect(steps.map((r) => r.slice(2))).toEqual([['33.33%', 'at-risk', '61.67%']]);
      expect(steps[0][1]).toBe('电话催收'); // the step is the task's title
    });

    it('contact rate: A and B reached, C not = 66.67% (≥ 60%); phone2 0.00%', async () => {
      expect(await judged(sup.token, '2026-03-10', 'contact-rate')).toEqual([
        ['collector', 'phone1', '100.00%', 'met', '0.00%'],
        ['collector', 'phone2', '0.00%', 'at-risk', '60.00%'],
        ['tenant', 'tenant', '66.67%', 'met', '0.00%'],
      ]);
    });

    it('promises: A kept, B broken = 50.00%, met at the bound', async () => {
      const rows = await judged(sup.token, '2026-03-10', 'promises-kept');
      expect(rows).toEqual(
        expect.arrayContaining([
          ['collector', 'phone1', '50.00%', 'met', '0.00%'],
          ['tenant', 'tenant', '50.00%', 'met', '0.00%'],
        ]),
      );
    });

    it('recovery: 1,000 of 20,000 = 5.00%; batch 1 (A, B) 5.56%, batch 2 (C) 0.00%; per collector the same', async () => {
      expect(await judged(sup.token, '2026-03-10', 'recovery-rate')).toEqual([
        ['batch', '2026-03委案第1批.xlsx', '5.56%', 'met', '0.00%'],
        ['batch', '2026-03委案第2批.xlsx', '0.00%', 'at-risk', '5.00%'],
        ['collector', 'phone1', '5.56%', 'met', '0.00%'],
        ['collector', 'phone2', '0.00%', 'at-risk', '5.00%'],
        ['tenant', 'tenant', '5.00%', 'met', '0.00%'],
      ]);
    });

    it('the daily snapshots name each batch by its file and each step by its title (the charts’ legends)', async () => {
      const tenantId = (
        await ownerQuery<{ id: string }>(api, `select id from tenants where slug = 'card-targets'`)
      )[0].id;
      await api.commands.execute(new SnapshotKpis(meta(tenantId), '2026-03-10'));
      const names = async (metric: string, groupType: string) =>
        (
          await api
            .http()
            .get(
              `/api/v1/kpi/snapshots?metric=${metric}&from=2026-03-10&to=2026-03-10&groupType=${groupType}`,
            )
            .set(bearer(sup.token))
            .expect(200)
        ).body.points.map((p: { groupName: string; display: string }) => [p.groupName, p.display]);
      expect(await names('recoveryRate', 'batch')).toEqual([
        ['2026-03委案第1批.xlsx', '5.56%'],
        ['2026-03委案第2批.xlsx', '0.00%'],
      ]);
      expect(await names('slaCompliance', 'step')).toEqual([['电话催收', '33.33%']]);
    });
  });
});
