import {
  as,
  issueRaw,
  NoticesTenant,
  noticesTenant,
  NoticesTestApi,
  ownerQuery,
  startNoticesApi,
} from './support/notices-api';

/**
 * 篇五's final notice: "10天期限将以您签收信函当天开始计算。如您拒绝签收或因您个人原因导致信函无法
 * 送达，我方将以发出信函日期顺延3天开始计算期限." The start day is not counted; a period that
 * ends on a holiday ends on the next working day (DESIGN §4).
 */
const NOW = '2026-11-28T02:00:00Z';

describe('the final notice deadline from delivery (篇五)', () => {
  let api: NoticesTestApi;
  let tenant: NoticesTenant;
  let legal: ReturnType<typeof as>;

  beforeAll(async () => {
    api = await startNoticesApi(NOW);
    tenant = await noticesTenant(api, 'notice-deadline', {
      legal1: ['legal'],
      field1: ['field-collector'],
    });
    legal = as(api, tenant.tokens.legal1);
  });
  afterAll(async () => api.close());

  /** Issued on 2026-09-01 (a delivery cannot be dated before its notice existed), read on 11-28. */
  async function finalNotice(key: string): Promise<string> {
    api.clock.set('2026-09-01T02:00:00Z');
    const issuing = issueRaw(api, tenant.id, {
      templateId: 'test-pack/final-notice',
      debtorId: tenant.debtorId,
      idempotencyKey: key,
      data: { debtor: { name: '孙桂英' }, amounts: { totalDue: '100775.00' } },
    });
    const response = await issuing.expect(201).finally(() => api.clock.set(NOW));
    expect(response.body.deliveryRule).toEqual({ periodDays: 10, fallbackOffsetDays: 3 });
    return response.body.id as string;
  }

  it('prints the rule on the letter before anyone knows how it will be delivered', async () => {
    const id = await finalNotice('final-rule-text');
    const html = await legal.get(`/notices/${id}/html`).expect(200);
    expect(html.text).toContain(
      '请您于自签收之日起10日内；拒绝签收或无法送达的，自发出之日起顺延3日开始计算；' +
        '期满日为节假日的，顺延至节假日后第一个工作日付清上述款项',
    );
  });

  it('sent 2026-09-21, signed 2026-09-23: the 10th day (10-03) is in the National Day holiday, so 2026-10-08', async () => {
    const id = await finalNotice('final-signed');
    const sent = await legal
      .post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-09-21' })
      .expect(200);
    expect(sent.body).toMatchObject({
      status: 'sent',
      sentOn: '2026-09-21',
      deadline: null,
      deadlineExplanation: '待确认送达结果',
    });
    const signed = await legal
      .post(`/notices/${id}/delivery`, { status: 'signed', on: '2026-09-23' })
      .expect(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      sentOn: '2026-09-21',
      outcomeOn: '2026-09-23',
      deadline: '2026-10-08',
      deadlineCountFrom: '2026-09-23',
      deadlineExplanation: '自签收之日起10日；期满日为节假日的，顺延至节假日后第一个工作日',
    });

    // The letter belongs to no case (the deadline is the notices lib's own rule), so it is read
    // by legal, who sees every case; a collector reads only the letters of her own cases.
    const detail = await legal.get(`/notices/${id}`).expect(200);
    expect(detail.body.deadline).toBe('2026-10-08');
    expect(detail.body.deliveries).toEqual([
      expect.objectContaining({ status: 'sent', on: '2026-09-21', deadline: null }),
      expect.objectContaining({ status: 'signed', on: '2026-09-23', deadline: '2026-10-08' }),
    ]);

    const events = await ownerQuery<{
      type: string;
      before: { status: string };
      after: { status: string; deadline: string | null };
    }>(
      api,
      `select type, before, after from event_log where tenant_id = $1 and aggregate_id = $2 order by seq`,
      [tenant.id, id],
    );
    expect(
      events.map((e) => [
        e.type,
        e.before?.status ?? null,
        e.after.status,
        e.after.deadline ?? null,
      ]),
    ).toEqual([
      ['NoticeIssued', null, 'draft', null],
      ['NoticeDeliveryRecorded', 'draft', 'sent', null],
      ['NoticeDeliveryRecorded', 'sent', 'signed', '2026-10-08'],
    ]);
    const outbox = await ownerQuery<{ type: string; topic: string }>(
      api,
      `select o.topic, o.payload ->> 'type' as type from outbox o
       where o.tenant_id = $1 and o.payload ->> 'aggregateId' = $2 order by o.created_at, o.payload ->> 'seq'`,
      [tenant.id, id],
    );
    expect(outbox).toEqual([
      { topic: 'domain-events', type: 'NoticeIssued' },
      { topic: 'domain-events', type: 'NoticeDeliveryRecorded' },
      { topic: 'domain-events', type: 'NoticeDeliveryRecorded' },
    ]);
  });

  it('refused: counting starts 3 days after the send date — sent 2026-11-04, from 11-07, deadline 2026-11-17', async () => {
    const id = await finalNotice('final-refused');
    await legal.post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-11-04' }).expect(200);
    const refused = await legal
      .post(`/notices/${id}/delivery`, { status: 'refused', on: '2026-11-05' })
      .expect(200);
    // Counted from the send date (11-04) or the refusal (11-05) it would end on the weekend
    // and move to Mon 11-16; the rule counts from 11-07, so Tue 11-17.
    expect(refused.body).toMatchObject({
      status: 'refused',
      outcomeOn: '2026-11-05',
      deadline: '2026-11-17',
      deadlineCountFrom: '2026-11-07',
      deadlineExplanation: '拒收，自发出之日顺延3日起计算10日',
    });
  });

  it('undeliverable, sent 2026-09-21: from 09-24, the 10th day 10-04 is a holiday, so 2026-10-08', async () => {
    const id = await finalNotice('final-undeliverable');
    await legal.post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-09-21' }).expect(200);
    const lost = await legal
      .post(`/notices/${id}/delivery`, { status: 'undeliverable', on: '2026-09-29' })
      .expect(200);
    expect(lost.body).toMatchObject({
      deadline: '2026-10-08',
      deadlineCountFrom: '2026-09-24',
      deadlineExplanation:
        '无法送达，自发出之日顺延3日起计算10日；期满日为节假日的，顺延至节假日后第一个工作日',
    });
  });

  it('a repeated report changes nothing; a different one after the outcome is 409', async () => {
    const id = await finalNotice('final-repeat');
    await legal.post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-11-02' }).expect(200);
    await legal.post(`/notices/${id}/delivery`, { status: 'signed', on: '2026-11-04' }).expect(200);
    const again = await legal
      .post(`/notices/${id}/delivery`, { status: 'signed', on: '2026-11-04' })
      .expect(200);
    expect(again.body.version).toBe(3);
    await legal
      .post(`/notices/${id}/delivery`, { status: 'refused', on: '2026-11-05' })
      .expect(409);
    const history = await ownerQuery(
      api,
      `select status from notice_delivery_events where tenant_id = $1 and notice_id = $2`,
      [tenant.id, id],
    );
    expect(history).toHaveLength(2);
  });

  it('refuses a delivery dated in the future (400) or before the letter was sent (422)', async () => {
    const id = await finalNotice('final-bad-dates');
    const future = await legal
      .post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-11-29' })
      .expect(400);
    expect(future.body.errors).toEqual([
      {
        path: 'body.on',
        reason: 'is after today (2026-11-28); record a delivery once it has happened',
      },
    ]);
    await legal.post(`/notices/${id}/delivery`, { status: 'sent', on: '2026-11-20' }).expect(200);
    const early = await legal
      .post(`/notices/${id}/delivery`, { status: 'signed', on: '2026-11-19' })
      .expect(422);
    expect(early.body.detail).toBe(
      'It cannot be signed on 2026-11-19, before it was sent on 2026-11-20',
    );
    const sms = await legal
      .post(`/notices/${id}/delivery`, { status: 'delivered', on: '2026-11-21' })
      .expect(422);
    expect(sms.body.detail).toBe(
      'A letter cannot be delivered; it ends signed, refused, undeliverable',
    );
  });
});
