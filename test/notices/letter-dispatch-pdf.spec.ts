import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { as, issueRaw, noticesTenant, NoticesTenant, overdueData } from './support/notices-api';
import { DispatchTestApi, filesUnder, startDispatchApi } from './support/dispatch-harness';

// CI installs Debian's chromium; only a machine without it skips the PDF.
const withChromium = existsSync('/usr/bin/chromium') ? it : it.skip;

describe('a letter is written as HTML and printed to PDF by headless Chromium (issue 6)', () => {
  let api: DispatchTestApi;
  let tenant: NoticesTenant;

  beforeAll(async () => {
    api = await startDispatchApi({ adapters: 'letter=letter' });
    tenant = await noticesTenant(api, 'dispatch-letter', { clerk1: ['clerk'] });
  });
  afterAll(async () => api.close());

  withChromium(
    'the 逾期催收函 becomes <key>.html and a %PDF <key>.pdf; the notice waits for posting',
    async () => {
      const clerk = as(api, tenant.tokens.clerk1);
      const issued = await issueRaw(api, tenant.id, {
        templateId: 'test-pack/overdue-notice',
        debtorId: tenant.debtorId,
        idempotencyKey: 'letter:XC-2025-0012:d7',
        // The debtor has no address on file: the letter names where it goes.
        data: {
          ...overdueData(),
          recipient: { name: '孙桂英', address: '北京市东城区东四十条12号' },
        },
      }).expect(201);

      expect(await api.dispatch(tenant.id)).toMatchObject({ planned: 1, unaddressed: 0, sent: 1 });
      const files = await filesUnder(api.outboxDir);
      expect(files.map((f) => f.replace(/[0-9a-f]{64}/, 'KEY'))).toEqual([
        join(tenant.id, 'letter', 'KEY.html'),
        join(tenant.id, 'letter', 'KEY.pdf'),
      ]);
      const pdf = await readFile(join(api.outboxDir, files[1]));
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(5000);
      expect(await readFile(join(api.outboxDir, files[0]), 'utf8')).toContain('逾期催收函');

      // Posting is a clerk's act (POST …/delivery); the print file does not make it sent.
      const notice = await clerk.get(`/notices/${issued.body.id}`).expect(200);
      expect(notice.body.status).toBe('draft');
      const dispatches = await clerk.get(`/notices/${issued.body.id}/dispatches`).expect(200);
      expect(dispatches.body[0]).toMatchObject({
        state: 'sent',
        adapter: 'letter',
        note: null,
        recipient: '北京市东城区…',
      });
    },
  );
});
