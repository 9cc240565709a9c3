import { QueryBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { ActorMeta, DomainError, Role, systemMeta } from '../../libs/core/src';
import {
  AddContactPoint,
  AddRelatedParty,
  CaseContactsView,
  GetCaseContacts,
  MarkDebtorReachable,
  MarkDebtorUnreachable,
  RegisterAccount,
  RegisterDebtor,
  SetContactPointStatus,
} from '../../libs/ledger/src';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  Member,
  openCase,
  ownerQuery,
  residentId,
  tenantWithUsers,
} from '../collection/support/fixtures';

type Who = 'manager' | 'ann' | 'bob' | 'clerk';
const ROLES: Record<Who, Role[]> = {
  manager: ['manager'],
  ann: ['phone-collector'],
  bob: ['phone-collector'],
  clerk: ['clerk'],
};

/**
 * Issue 11 §2, the contact panel's rules with real PostgreSQL: the case's assigned collector
 * sees the debtor's and the guarantor's phones whole (each view audited), another collector
 * gets 404, a clerk sees them masked and may not reveal, a manager reveals on request
 * (audited); a found phone is added (and joins debtors.phones), the old one marked 空号, the
 * debtor marked 失联 in pack_flags.
 */
describe('case contact panel: unmasked for the assigned collector, reveal audited, add / mark / 失联', () => {
  let api: CollectionTestApi;
  let queries: QueryBus;
  let tenantId: string;
  let users: Record<Who, Member>;
  let caseId: string;
  let debtorId: string;

  const as = (who: Who): ActorMeta => ({
    tenantId,
    actorId: users[who].id,
    roles: ROLES[who],
    correlationId: randomBytes(4).toString('hex'),
  });
  const contacts = (who: Who, reveal = false) =>
    queries.execute<GetCaseContacts, CaseContactsView>(
      new GetCaseContacts(as(who), caseId, { reveal }),
    );
  const viewed = async () =>
    (
      await ownerQuery<{ n: number }>(
        api,
        `select count(*)::int as n from event_log
         where tenant_id = $1 and type = 'PersonalDataViewed' and payload->>'caseId' = $2`,
        [tenantId, caseId],
      )
    )[0].n;
  const refusal = (run: Promise<unknown>) =>
    run.then(
      () => null,
      (error: DomainError) => error.status,
    );

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-31T02:00:00Z' });
    queries = api.app.get(QueryBus);
    const tenant = await tenantWithUsers(api, 'contact-panel', ROLES);
    tenantId = tenant.tenantId;
    users = tenant.users;
    const meta = systemMeta({ tenantId, actorId: 'test-setup', correlationId: 'setup' });
    const registered = await api.commands.execute(
      new RegisterDebtor(meta, {
        kind: 'person',
        name: '周建国',
        idNumber: residentId(),
        phones: ['13812345678'],
        address: '浙江省杭州市西湖区文三路 100 号',
      }),
    );
    debtorId = registered.id;
    await api.commands.execute(
      new AddRelatedParty(meta, debtorId, {
        kind: 'guarantor',
        relation: '朋友',
        name: '钱有福',
        phone: '13900001111',
      }),
    );
    await api.commands.execute(
      new RegisterAccount(meta, {
        debtorId,
        type: 'microloan',
        source: 'test',
        externalRef: 'ML-PANEL-1',
        principal: '3000.00',
        annualRate: '0',
        startDate: '2026-01-01',
        schedule: {
          method: 'given',
          installments: [{ dueDate: '2026-03-01', principal: '3000.00', interest: '0.00' }],
        },
      }),
    );
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.ann);
  }, 180_000);
  afterAll(async () => api.close());

  it('the assigned collector sees phones and addresses whole; each view is audited', async () => {
    const before = await viewed();
    const view = await contacts('ann');
    expect(view.access).toBe('assigned');
    expect(view.phones.map((p) => [p.value, p.subtype, p.source, p.status])).toEqual([
      ['13812345678', 'mobile', 'contract', 'valid'],
    ]);
    expect(view.addresses[0].value).toBe('浙江省杭州市西湖区文三路 100 号');
    const guarantor = view.parties.find((p) => p.kind === 'guarantor')!;
    expect(guarantor.name).toBe('钱有福');
    expect(guarantor.phones.map((p) => p.value)).toEqual(['13900001111']);
    expect(await viewed()).toBe(before + 1);
  });

  it('another collector gets 404; a clerk sees masked and may not reveal (403); no audit', async () => {
    const before = await viewed();
    expect(await refusal(contacts('bob'))).toBe(404);
    const clerk = await contacts('clerk');
    expect(clerk.access).toBe('masked');
    expect(clerk.mayReveal).toBe(false);
    expect(clerk.phones[0].value).not.toContain('1234');
    expect(clerk.phones[0].value).toMatch(/\*/);
    expect(clerk.parties[0].phones[0].value).toMatch(/\*/);
    expect(await refusal(contacts('clerk', true))).toBe(403);
    expect(await viewed()).toBe(before);
  });

  it('a manager sees masked with 显示完整 offered, and the reveal is audited with the viewer', async () => {
    const masked = await contacts('manager');
    expect(masked.access).toBe('masked');
    expect(masked.mayReveal).toBe(true);
    const before = await viewed();
    const whole = await contacts('manager', true);
    expect(whole.access).toBe('revealed');
    expect(whole.phones[0].value).toBe('13812345678');
    expect(await viewed()).toBe(before + 1);
    const [audit] = await ownerQuery<{ actor_id: string; basis: string }>(
      api,
      `select actor_id, payload->>'basis' as basis from event_log
       where tenant_id = $1 and type = 'PersonalDataViewed' and payload->>'caseId' = $2
       order by seq desc limit 1`,
      [tenantId, caseId],
    );
    expect(audit).toEqual({ actor_id: users.manager.id, basis: 'revealed' });
  });

  it('the collector adds a found phone: on the panel as 催收员新增 and in debtors.phones', async () => {
    await api.commands.execute(
      new AddContactPoint(as('ann'), caseId, {
        kind: 'phone',
        subtype: 'work-phone',
        value: '0571-8888 6666',
      }),
    );
    const view = await contacts('ann');
    const added = view.phones.find((p) => p.value === '057188886666')!;
    expect([added.subtype, added.source, added.status]).toEqual([
      'work-phone',
      'collector',
      'valid',
    ]);
    const [debtor] = await ownerQuery<{ phones: string[] }>(
      api,
      `select phones from debtors where tenant_id = $1 and id = $2`,
      [tenantId, debtorId],
    );
    expect(debtor.phones).toEqual(['13812345678', '057188886666']);
    // The same number again is refused, not kept twice.
    const again = new AddContactPoint(as('ann'), caseId, {
      kind: 'phone',
      subtype: 'mobile',
      value: '057188886666',
    });
    expect(await refusal(api.commands.execute(again))).toBe(409);
    // A party's first phone also fills related_parties.phone (search reads it).
    const mother = await api.commands.execute(
      new AddRelatedParty(as('ann'), debtorId, {
        kind: 'emergency-contact',
        relation: '母亲',
        name: '周母',
      }),
    );
    await api.commands.execute(
      new AddContactPoint(as('ann'), caseId, {
        kind: 'phone',
        subtype: 'mobile',
        value: '13700002222',
        source: 'debtor',
        relatedPartyId: mother.id,
      }),
    );
    const [party] = await ownerQuery<{ phone: string }>(
      api,
      `select phone from related_parties where tenant_id = $1 and id = $2`,
      [tenantId, mother.id],
    );
    expect(party.phone).toBe('13700002222');
    const shown = (await contacts('ann')).parties.find((p) => p.id === mother.id)!;
    expect(shown.phones.map((p) => [p.value, p.source])).toEqual([['13700002222', 'debtor']]);
    // Bob (not his case) cannot add to it.
    const bobs = new AddContactPoint(as('bob'), caseId, {
      kind: 'address',
      subtype: 'work',
      value: '杭州市某单位',
    });
    expect(await refusal(api.commands.execute(bobs))).toBe(404);
  });

  it('marks the old number 空号: status saved, an address status is refused for a phone', async () => {
    const old = (await contacts('ann')).phones.find((p) => p.value === '13812345678')!;
    const wrong = new SetContactPointStatus(as('ann'), caseId, old.id, 'moved');
    expect(await refusal(api.commands.execute(wrong))).toBe(400);
    await api.commands.execute(new SetContactPointStatus(as('ann'), caseId, old.id, 'empty'));
    const view = await contacts('ann');
    // Valid numbers first; the 空号 one last.
    expect(view.phones.map((p) => [p.value, p.status])).toEqual([
      ['057188886666', 'valid'],
      ['13812345678', 'empty'],
    ]);
  });

  it('marks the debtor 失联: one live lost-contact flag on the debtor, set once', async () => {
    expect(await api.commands.execute(new MarkDebtorUnreachable(as('ann'), caseId))).toEqual({
      marked: true,
    });
    expect(await api.commands.execute(new MarkDebtorUnreachable(as('ann'), caseId))).toEqual({
      marked: false,
    });
    const flags = await ownerQuery<{ flag: string; case_id: string; set_on: string }>(
      api,
      `select flag, case_id, set_on::text from pack_flags
       where tenant_id = $1 and subject = 'debtor' and subject_id = $2 and cleared_on is null`,
      [tenantId, debtorId],
    );
    expect(flags).toEqual([{ flag: 'lost-contact', case_id: caseId, set_on: '2026-03-31' }]);
    expect((await contacts('ann')).unreachableSince).toBe('2026-03-31');
  });

  it('恢复联系 clears 失联: the row kept with who and when, cleared once, then 失联 may be set again', async () => {
    // Over the API as the console's 恢复联系 button does it (one command).
    const post = () =>
      api
        .http()
        .post(`/api/v1/cases/${caseId}/reachable`)
        .set('Authorization', `Bearer ${users.ann.token}`)
        .send({});
    expect((await post().expect(200)).body).toEqual({ cleared: true });
    expect(await api.commands.execute(new MarkDebtorReachable(as('ann'), caseId))).toEqual({
      cleared: false,
    });
    const rows = await ownerQuery<{ set_on: string; cleared_on: string; cleared_by: string }>(
      api,
      `select set_on::text, cleared_on::text, cleared_by from pack_flags
       where tenant_id = $1 and flag = 'lost-contact' and subject_id = $2`,
      [tenantId, debtorId],
    );
    expect(rows).toEqual([
      { set_on: '2026-03-31', cleared_on: '2026-03-31', cleared_by: users.ann.id },
    ]);
    const events = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log
       where tenant_id = $1 and type = 'DebtorMarkedReachable' and aggregate_id = $2`,
      [tenantId, debtorId],
    );
    expect(events).toEqual([{ n: 1 }]);
    expect((await contacts('ann')).unreachableSince).toBeNull();
    // Lost again later: a new live row beside the cleared one.
    expect(await api.commands.execute(new MarkDebtorUnreachable(as('ann'), caseId))).toEqual({
      marked: true,
    });
    expect((await contacts('ann')).unreachableSince).toBe('2026-03-31');
  });

  it('the API serves the same panel: whole for the assignee, 404 for another collector', async () => {
    const get = (who: Who, query = '') =>
      api
        .http()
        .get(`/api/v1/cases/${caseId}/contact-points${query}`)
        .set('Authorization', `Bearer ${users[who].token}`);
    const mine = await get('ann').expect(200);
    expect(mine.body.access).toBe('assigned');
    expect(mine.body.phones.map((p: { value: string }) => p.value)).toContain('057188886666');
    await get('bob').expect(404);
    await get('clerk', '?reveal=true').expect(403);
    const status = await api
      .http()
      .post(`/api/v1/cases/${caseId}/contact-points/${mine.body.phones[0].id}/status`)
      .set('Authorization', `Bearer ${users.ann.token}`)
      .send({ status: 'suspended' })
      .expect(200);
    expect(status.body).toEqual({ status: 'suspended' });
  });
});
