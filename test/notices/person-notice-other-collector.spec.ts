import { AssignCase } from '../../libs/collection/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  meta,
  nightOf,
  openCase,
  ownerQuery,
  packTenant,
} from '../packs/support/pack-scenario';

/**
 * 篇八: a collector works only the cases assigned to them. Previewing or issuing a letter on
 * another collector's case answers 404 (as if it did not exist) and writes nothing — no
 * notice, hold, approval or event — while the case's own collector gets the letter.
 */
describe("a collector previewing or issuing a letter on another collector's case gets 404", () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss' | 'wang' | 'li', Member>;
  let caseId: string;
  const TEMPLATE = 'microloan-overdue/overdue-demand';
  const counts = async () =>
    (
      await ownerQuery<{ notices: number; holds: number; approvals: number; events: number }>(
        api,
        `select (select count(*)::int from notices where tenant_id = $1) as notices,
                (select count(*)::int from engine_notice_holds where tenant_id = $1) as holds,
                (select count(*)::int from approvals where tenant_id = $1) as approvals,
                (select count(*)::int from event_log where tenant_id = $1) as events`,
        [tenantId],
      )
    )[0];
  const as = (who: Member, url: string, body: object) =>
    api.http().post(`/api/v1${url}`).set(bearer(who.token)).send(body);

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('microloan-overdue', nightOf('2026-03-11'), {
      boss: ['manager'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
    }));
    const made = await loan(api, tenantId, {
      name: '赵借款',
      type: 'microloan',
      principal: '30000.00',
      startDate: '2025-09-02',
      dueOn: '2026-03-02',
    });
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    await api.commands.execute(new AssignCase(meta(tenantId), { caseId, assigneeId: users.li.id }));
  }, 120_000);
  afterAll(async () => api?.close());

  it('王 (not assigned) previews and issues on 李’s case → 404 both, nothing written', async () => {
    const before = await counts();
    const letter = { caseId, templateId: TEMPLATE };
    await as(users.wang, '/notices/preview', letter).expect(404);
    await as(users.wang, '/notices', { ...letter, idempotencyKey: 'wang:1' }).expect(404);
    expect(await counts()).toEqual(before);
  });

  it('李 (assigned) previews and issues the same letter → 200 and 201, with 30,000.00 due', async () => {
    const letter = { caseId, templateId: TEMPLATE };
    const preview = await as(users.li, '/notices/preview', letter).expect(200);
    expect(preview.body.html).toContain('30,000.00');
    const issued = await as(users.li, '/notices', { ...letter, idempotencyKey: 'li:1' }).expect(
      201,
    );
    expect(issued.body).toMatchObject({ caseId, templateId: TEMPLATE, status: 'draft' });
  });
});
