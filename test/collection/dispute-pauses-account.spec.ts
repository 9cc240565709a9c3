import { CreateTeam } from '../../libs/collection/src';
import { AuditChainVerifier, TenantTx } from '../../libs/db/src';
import { AccountBalances, refreshAccountBalances, RegisterAccount } from '../../libs/ledger/src';
import { evaluate, installPack, meta, nightOf, startEngineApi } from '../engine/support/engine-api';
import { day } from '../engine/support/ladder-plan';
import type { CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

type Who = 'manager' | 'supervisor' | 'collector';

/**
 * Issue 16 §2 (异议): a dispute pauses only the disputed account; decided → collection
 * resumes from that day. test-engine-ladder (篇六): guarantor at DPD 4-6, demand letter from 7;
 * its `disputes` block has the 主管 (supervisor) decide. Case X and its control Y each hold
 * A (due day -6) and B (due day -3); X's A is disputed on day 1 and decided on day 3.
 */
describe('a dispute pauses only the disputed account; decided → collection resumes from that day', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<Who, Member>;
  const X = { caseId: '', A: '', B: '' };
  const Y = { caseId: '', A: '', B: '' };
  let disputeId = '';

  const as = (who: Who) => ({ Authorization: `Bearer ${users[who].token}` });
  const night = async (n: number) => {
    api.clock.set(nightOf(day(n)));
    expect((await evaluate(api, tenantId, day(n))).errors).toEqual([]);
  };
  const stage = async (caseId: string) =>
    (await ownerQuery<{ stage: string }>(api, `select stage from cases where id = $1`, [caseId]))[0]
      .stage;
  const moves = (caseId: string) =>
    ownerQuery<{ to_stage: string; as_of: string; effective_dpd: number }>(
      api,
      `select to_stage, as_of::text as as_of, effective_dpd from case_stage_history
       where case_id = $1 order by seq`,
      [caseId],
    );
  /** The nightly run's balance step for day n, then the case page's per-account figures. */
  const figures = async (n: number) => {
    const balances = api.app.get(AccountBalances, { strict: false });
    await api.app.get(TenantTx).run(tenantId, (em) =>
      refreshAccountBalances(em, balances, {
        tenantId,
        accountIds: [X.A, X.B],
        asOf: day(n),
        now: new Date(nightOf(day(n))),
      }),
    );
    const detail = await api.http().get(`/api/v1/cases/${X.caseId}`).set(as('manager'));
    const by = (id: string) =>
      detail.body.accounts.find((a: { accountId: string }) => a.accountId === id);
    return {
      A: [by(X.A).dpd, by(X.A).effectiveDpd],
      B: [by(X.B).dpd, by(X.B).effectiveDpd],
      body: detail.body,
    };
  };

  async function debtorWithTwoAccounts(name: string, into: typeof X): Promise<void> {
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenantId, {
      name,
      principal: '6000.00',
      dueOn: day(-6),
      startDate: '2026-01-02',
    });
    const second = await api.commands.execute(
      new RegisterAccount(meta(tenantId), {
        debtorId,
        type: 'microloan',
        source: 'test',
        externalRef: `ML-B-${name}`,
        principal: '3000.00',
        annualRate: '0',
        startDate: '2026-01-02',
        schedule: {
          method: 'given',
          installments: [{ dueDate: day(-3), principal: '3000.00', interest: '0.00' }],
        },
      }),
    );
    into.A = accountId;
    into.B = second.id;
    into.caseId = await openCase(api, users.manager, debtorId);
  }

  beforeAll(async () => {
    api = await startEngineApi(nightOf(day(0)));
    const tenant = await tenantWithUsers(api, 'disputes', {
      manager: ['manager'],
      supervisor: ['supervisor'],
      collector: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    await debtorWithTwoAccounts('争议', X);
    await debtorWithTwoAccounts('对照', Y);
    // The deciding 主管 leads the collector's team, so the case is theirs to see (篇八).
    await api.commands.execute(
      new CreateTeam(meta(tenantId), '电催一组', [
        { userId: users.supervisor.id, role: 'lead' },
        { userId: users.collector.id, role: 'member' },
      ]),
    );
    await assign(api, users.manager, X.caseId, users.collector);
    await night(0);
  }, 120_000);
  afterAll(async () => api?.close());

  it('night 0: A at DPD 6, B at 3 → both cases in guarantor (effective DPD 6)', async () => {
    expect(await moves(X.caseId)).toEqual([
      { to_stage: 'guarantor', as_of: day(0), effective_dpd: 6 },
    ]);
    expect(await stage(Y.caseId)).toBe('guarantor');
  });

  it('day 1: the collector records 已还款 on A with the bank slip; the supervisor is named to decide within 7 days', async () => {
    api.clock.set(`${day(1)}T10:00:00+08:00`);
    const raised = await api
      .http()
      .post(`/api/v1/cases/${X.caseId}/disputes`)
      .set(as('collector'))
      .field('accountId', X.A)
      .field('kind', 'already-paid')
      .field('note', '客户称2月已转账6,000.00元')
      .attach('files', Buffer.from('bank slip'), {
        filename: '银行回单.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    expect(raised.body).toMatchObject({ decidedByRole: 'supervisor', dueOn: day(8) });
    expect(raised.body.attachmentIds).toHaveLength(1);
    disputeId = raised.body.id;
    // A second open dispute on the same account is refused; the collector may not decide.
    await api
      .http()
      .post(`/api/v1/cases/${X.caseId}/disputes`)
      .set(as('collector'))
      .send({ accountId: X.A, kind: 'amount-wrong' })
      .expect(409);
    await api
      .http()
      .post(`/api/v1/cases/${X.caseId}/disputes/${disputeId}/decision`)
      .set(as('collector'))
      .send({ outcome: 'rejected' })
      .expect(403);
  });

  it('night 1: A’s count does not advance (DPD 7, effective 6), B’s does (4); X stays in guarantor while the control Y moves to the demand letter at 7', async () => {
    await night(1);
    expect(await stage(X.caseId)).toBe('guarantor');
    expect((await moves(Y.caseId)).pop()).toEqual({
      to_stage: 'demand-letter',
      as_of: day(1),
      effective_dpd: 7,
    });
    const { A, B } = await figures(1);
    expect(A).toEqual([7, 6]);
    expect(B).toEqual([4, 4]);
    await night(2);
    expect(await stage(X.caseId)).toBe('guarantor');
  });

  it('day 3: the supervisor rejects it; night 3 counts day 3 again: A at effective 7 (9 less days 1-2) → demand letter', async () => {
    api.clock.set(`${day(3)}T10:00:00+08:00`);
    const decided = await api
      .http()
      .post(`/api/v1/cases/${X.caseId}/disputes/${disputeId}/decision`)
      .set(as('supervisor'))
      .send({ outcome: 'rejected', note: '回单为他人账户转账，不予认可' })
      .expect(200);
    expect(decided.body).toEqual({ outcome: 'rejected', decidedOn: day(3) });
    await night(3);
    expect((await moves(X.caseId)).pop()).toEqual({
      to_stage: 'demand-letter',
      as_of: day(3),
      effective_dpd: 7,
    });
    const { A, B, body } = await figures(3);
    expect(A).toEqual([9, 7]);
    expect(B).toEqual([6, 6]);
    expect(body.disputes).toEqual([
      expect.objectContaining({
        accountId: X.A,
        kind: 'already-paid',
        status: 'rejected',
        raisedOn: day(1),
        decidedOn: day(3),
        documents: [expect.objectContaining({ name: '银行回单.pdf' })],
      }),
    ]);
  });

  it('raise and decision are on the case timeline and in the audit chain', async () => {
    const detail = await api.http().get(`/api/v1/cases/${X.caseId}`).set(as('manager'));
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['DisputeRaised', 'DisputeDecided']));
    const events = await ownerQuery<{ type: string; outcome: string | null }>(
      api,
      `select type, payload->>'outcome' as outcome from event_log
       where tenant_id = $1 and aggregate_id = $2 and type like 'Dispute%' order by seq`,
      [tenantId, X.caseId],
    );
    expect(events).toEqual([
      { type: 'DisputeRaised', outcome: null },
      { type: 'DisputeDecided', outcome: 'rejected' },
    ]);
    const verdict = await api.app
      .get(TenantTx)
      .run(tenantId, (em) =>
        api.app.get(AuditChainVerifier, { strict: false }).verify(em, tenantId),
      );
    expect(verdict.ok).toBe(true);
  });
});
