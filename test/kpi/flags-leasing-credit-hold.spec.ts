import { addDays } from '../../libs/calendar/src';
import { EvaluatePromises, RecordPromise } from '../../libs/collection/src';
import { EvaluateFlags, RecordAttribute } from '../../libs/outcomes/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { meta as actorMeta } from '../kpi/support/kpi-fixtures';
import {
  loan,
  Member,
  meta,
  nightOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
} from '../packs/support/pack-scenario';

/**
 * 篇五 第二十五条 "一经发现未按合同付款即采取行动直至停止供货" with the real leasing pack at its
 * defaults: the credit hold is set at DPD ≥ creditHoldDpd (1) unless a promise is pending or
 * the arrears are arranged, and cleared by a pending promise, an arrangement or a settled
 * case. EvaluateFlags judges `not: { promise: pending }` as true for a dealer that never
 * promised (three-valued: no promise is not a pending one). Day 0 is Monday 2026-03-02.
 */
const D0 = '2026-03-02';
const day = (n: number) => addDays(D0, n);

describe('leasing credit hold (停止供货): set at DPD 1 without a pending promise, cleared when arranged', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss', Member>;
  const ids: Record<string, { debtorId: string; accountId: string; caseId: string }> = {};
  const flags = async (n: number) =>
    (await api.commands.execute(new EvaluateFlags(meta(tenantId), day(n)))).flags[0];
  const holds = async () =>
    Object.fromEntries(
      (
        await ownerQuery<{ debtor_id: string; set_on: string; cleared_on: string | null }>(
          api,
          `select subject_id as debtor_id, set_on::text as set_on, cleared_on::text as cleared_on
           from pack_flags where tenant_id = $1 and flag = 'credit-hold'`,
          [tenantId],
        )
      ).map((r) => [
        Object.keys(ids).find((k) => ids[k].debtorId === r.debtor_id),
        [r.set_on, r.cleared_on],
      ]),
    );

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf(D0), {
      boss: ['manager'],
    }));
    for (const [name, principal] of [
      ['华通经销', '200000.00'],
      ['远达物流', '86500.50'],
      ['按时经销', '50000.00'],
    ] as const) {
      const made = await loan(api, tenantId, {
        name,
        type: 'receivable',
        principal,
        startDate: '2025-12-01',
        dueOn: D0,
      });
      ids[name] = { ...made, caseId: await openCase(api, tenantId, users.boss.id, made.debtorId) };
    }
    await pay(api, tenantId, ids['按时经销'].accountId, D0, '50000.00');
    // 远达 promised on day 0 to pay everything by day 3.
    await api.commands.execute(
      new RecordPromise(actorMeta(tenantId, users.boss.id, ['manager']), {
        caseId: ids['远达物流'].caseId,
        amount: '86500.50',
        dueOn: day(3),
        promisedOn: D0,
      }),
    );
  }, 120_000);
  afterAll(async () => api?.close());

  it('day 0 (due today, DPD 0): no hold', async () => {
    expect(await flags(0)).toEqual({ flag: 'credit-hold', set: 0, cleared: 0, problems: [] });
  });

  it('day 1 (DPD 1): 华通 (never promised) is put on hold; 远达 (promise pending) and 按时 (paid) are not', async () => {
    expect(await flags(1)).toEqual({ flag: 'credit-hold', set: 1, cleared: 0, problems: [] });
    expect(await holds()).toEqual({ 华通经销: [day(1), null] });
    expect(await flags(1)).toEqual({ flag: 'credit-hold', set: 0, cleared: 0, problems: [] });
  });

  it('day 4: 远达 broke its promise (due day 3) — now on hold too', async () => {
    api.clock.set(nightOf(day(4)));
    await api.commands.execute(
      new EvaluatePromises(actorMeta(tenantId, 'scheduler', ['manager']), day(4)),
    );
    expect(await flags(4)).toEqual({ flag: 'credit-hold', set: 1, cleared: 0, problems: [] });
    expect(await holds()).toEqual({ 华通经销: [day(1), null], 远达物流: [day(4), null] });
  });

  it('day 5: 华通 arranges its arrears (抵押担保) — its hold is cleared, 远达 stays', async () => {
    api.clock.set(nightOf(day(5)));
    await api.commands.execute(
      new RecordAttribute(
        meta(tenantId),
        'debtor',
        ids['华通经销'].debtorId,
        'arrangement',
        'security',
      ),
    );
    expect(await flags(5)).toEqual({ flag: 'credit-hold', set: 0, cleared: 1, problems: [] });
    expect(await holds()).toEqual({ 华通经销: [day(1), day(5)], 远达物流: [day(4), null] });
  });

  it('day 6: 远达 promises again (pending) — its hold is cleared too', async () => {
    api.clock.set(nightOf(day(6)));
    await api.commands.execute(
      new RecordPromise(actorMeta(tenantId, users.boss.id, ['manager']), {
        caseId: ids['远达物流'].caseId,
        amount: '86500.50',
        dueOn: day(10),
      }),
    );
    expect(await flags(6)).toEqual({ flag: 'credit-hold', set: 0, cleared: 1, problems: [] });
    expect(await holds()).toEqual({ 华通经销: [day(1), day(5)], 远达物流: [day(4), day(6)] });
  });
});
