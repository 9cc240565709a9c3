import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('篇八: a call logged with its recording stores the file and its SHA-256', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;
  // Not a real recording; bytes whose digest we can compute independently.
  const recording = Buffer.from(
    'RIFF....WAVEfmt 通话录音 2026-03-11 10:05 客户承诺3月20日前还款',
    'utf8',
  );
  const expected = createHash('sha256').update(recording).digest('hex');

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:10:00Z' });
    const tenant = await tenantWithUsers(api, 'contact-file', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '褚十一',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
  }, 180_000);
  afterAll(async () => api.close());

  it('multipart with a file: 201, the attachment row holds the sha256 and size, the stored bytes match', async () => {
    const response = await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .field('channel', 'call')
      .field('party', 'debtor')
      .field('outcomeCode', 'promised-to-pay')
      .field('notes', '客户称家中有人生病, 月底前还')
      .field('attemptedAt', '2026-03-11T10:05:00+08:00')
      .field('overdueReasonCode', 'family-change')
      .attach('file', recording, { filename: 'call-20260311-1005.wav', contentType: 'audio/wav' })
      .expect(201);
    expect(response.body.attachment).toEqual({
      id: expect.any(String),
      sha256: expected,
      sizeBytes: recording.length,
    });
    const [row] = await ownerQuery(
      api,
      `select a.sha256, a.size_bytes::int as size, a.content_type, a.original_name, a.storage_key,
              ct.channel, ct.outcome_code, ct.attempted_at = '2026-03-11T02:05:00Z'::timestamptz as at_ok
       from contact_attempts ct join attachments a on a.tenant_id = ct.tenant_id and a.id = ct.attachment_id
       where ct.id = $1`,
      [response.body.id],
    );
    expect(row).toMatchObject({
      sha256: expected,
      size: recording.length,
      content_type: 'audio/wav',
      original_name: 'call-20260311-1005.wav',
      channel: 'call',
      outcome_code: 'promised-to-pay',
      at_ok: true,
    });
    const stored = await readFile(join(api.storageDir, String(row.storage_key)));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(expected);
    // 篇六: the call learned why the debtor is late.
    const [caseRow] = await ownerQuery(api, `select overdue_reason_code from cases where id = $1`, [
      caseId,
    ]);
    expect(caseRow.overdue_reason_code).toBe('family-change');
  });

  it('JSON without a file is logged with no attachment', async () => {
    const response = await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ channel: 'sms', party: 'debtor', outcomeCode: 'left-message' })
      .expect(201);
    expect(response.body.attachment).toBeNull();
  });

  it('the case timeline lists both contacts with the attachment checksum', async () => {
    const detail = await api
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .expect(200);
    const contacts = detail.body.timeline.filter((e: { kind: string }) => e.kind === 'contact');
    expect(contacts.map((c: { type: string }) => c.type)).toEqual(['call', 'sms']);
    expect(contacts[0].data.attachment.sha256).toBe(expected);
  });
});
