import { binaryBody } from '../support/binary-body';
import { existsSync } from 'node:fs';
import {
  as,
  issueRaw,
  NoticesTenant,
  noticesTenant,
  NoticesTestApi,
  overdueData,
  startNoticesApi,
} from './support/notices-api';

/** CI installs Debian's chromium; a machine without it proves nothing here. */
const maybe = existsSync('/usr/bin/chromium') ? describe : describe.skip;

maybe('GET /notices/{id}/pdf: the issued letter printed to A4 by headless Chromium', () => {
  let api: NoticesTestApi;
  let a: NoticesTenant;
  let b: NoticesTenant;
  let noticeId: string;

  beforeAll(async () => {
    api = await startNoticesApi();
    a = await noticesTenant(api, 'pdf-a', { clerk: ['clerk'], finance: ['finance'] });
    b = await noticesTenant(api, 'pdf-b', { admin: ['tenant-admin'] });
    const issued = await issueRaw(api, a.id, {
      templateId: 'test-pack/overdue-notice',
      debtorId: a.debtorId,
      idempotencyKey: 'pdf-1',
      data: overdueData(),
    }).expect(201);
    noticeId = issued.body.id;
  });
  afterAll(async () => api.close());

  it('a clerk downloads a one-page PDF attachment', async () => {
    const response = await as(api, a.tokens.clerk)
      .get(`/notices/${noticeId}/pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="notice-${noticeId}.pdf"`,
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  }, 180_000);

  it('finance may not (403); another tenant gets 404', async () => {
    await as(api, a.tokens.finance).get(`/notices/${noticeId}/pdf`).expect(403);
    await as(api, b.tokens.admin).get(`/notices/${noticeId}/pdf`).expect(404);
  });
});
