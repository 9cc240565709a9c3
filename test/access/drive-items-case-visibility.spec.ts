import type { CollectionTestApi } from '../collection/support/collection-api';
import { ownerQuery, tenantWithUsers } from '../collection/support/fixtures';
import { AssignCase } from '../../libs/collection/src';
import {
  bearer,
  borrower,
  installPack,
  meta,
  openCase,
  startKpiApi,
} from '../kpi/support/kpi-fixtures';

type ItemRow = {
  id: string;
  case_id: string | null;
  done_quantity: number;
  status: string;
  completed_by: string | null;
};

/**
 * Issue 12: a drive's per-case item (摸底 of one NPL case) is reached only through its case.
 * Collector B neither lists nor ticks off the item of collector A's case (404, nothing
 * written); A, who holds the case, completes it.
 */
describe('drive items: a per-case item is listed and completed only through a visible case', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let chief: { id: string; token: string };
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  let driveId: string;
  let caseOfA: string;
  let caseOfB: string;

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-13T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-drive-items', {
      chief: ['manager'],
      a: ['field-collector'],
      b: ['field-collector'],
    });
    ({ tenantId } = setup);
    ({ chief, a, b } = setup.users);
    await installPack(api, tenantId, 'test-drive');
    const open = async (name: string, village: string) => {
      const { debtorId } = await borrower(api, tenantId, {
        name,
        principal: '20000.00',
        startDate: '2009-07-01',
        dueOn: '2011-07-01',
        groups: [{ type: 'village', code: village }],
      });
      return openCase(api, tenantId, chief.id, debtorId);
    };
    caseOfA = await open('林勇', '前营村');
    caseOfB = await open('徐磊', '北岭村');
    for (const [caseId, assigneeId] of [
      [caseOfA, a.id],
      [caseOfB, b.id],
    ]) {
      await api.commands.execute(
        new AssignCase(meta(tenantId, chief.id, ['manager']), { caseId, assigneeId }),
      );
    }
    const launched = await api
      .http()
      .post('/api/v1/drives')
      .set(bearer(chief.token))
      .send({ drive: 'npl-drive', launchDate: '2012-05-15' })
      .expect(201);
    driveId = launched.body.id;
  }, 120_000);
  afterAll(async () => api.close());

  const items = (token: string) =>
    api.http().get(`/api/v1/drives/${driveId}/items`).set(bearer(token)).expect(200);
  const complete = (token: string, itemId: string) =>
    api
      .http()
      .post(`/api/v1/drives/${driveId}/items/${itemId}/complete`)
      .set(bearer(token))
      .send({});
  const rows = () =>
    ownerQuery<ItemRow>(
      api,
      `select id, case_id, done_quantity, status, completed_by from drive_items
        where tenant_id = $1 order by id`,
      [tenantId],
    );
  const eventCount = async () =>
    (
      await ownerQuery<{ n: number }>(
        api,
        `select count(*)::int as n from event_log where tenant_id = $1`,
        [tenantId],
      )
    )[0].n;

  it('the drive holds three per-case items (survey, collection, review) for each case', async () => {
    const all = await rows();
    expect(all.filter((r) => r.case_id === caseOfA)).toHaveLength(3);
    expect(all.filter((r) => r.case_id === caseOfB)).toHaveLength(3);
  });

  it("collector B does not list the item of A's case, but lists her own", async () => {
    const listed: { caseId: string | null }[] = (await items(b.token)).body;
    const cases = listed.map((i) => i.caseId).filter((id) => id !== null);
    expect(cases).toEqual([caseOfB, caseOfB, caseOfB]);
  });

  it("collector B completing the item of A's case gets 404 and nothing is written", async () => {
    const item = (await rows()).find((r) => r.case_id === caseOfA) as ItemRow;
    const before = { rows: await rows(), events: await eventCount() };
    await complete(b.token, item.id).expect(404);
    expect({ rows: await rows(), events: await eventCount() }).toEqual(before);
  });

  it('collector A lists and completes the item of her case (200); the row records it', async () => {
    const listed: { id: string; caseId: string | null }[] = (await items(a.token)).body;
    const item = listed.find((i) => i.caseId === caseOfA) as { id: string };
    expect(item).toBeDefined();
    const events = await eventCount();
    const done = await complete(a.token, item.id).expect(200);
    expect(done.body).toMatchObject({ id: item.id, status: 'done' });
    const row = (await rows()).find((r) => r.id === item.id) as ItemRow;
    expect([row.status, row.done_quantity, row.completed_by]).toEqual(['done', 1, a.id]);
    expect(await eventCount()).toBe(events + 1);
  });
});
