import { existsSync } from 'node:fs';
import { NoticePdfCache } from '../../libs/notices/src/pdf/notice-pdf-cache';
import { PdfBrowserPool } from '../../libs/notices/src/pdf/pdf-browser-pool';
import { binaryBody } from '../support/binary-body';
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

maybe('PDFs on request: one pooled Chromium, pages capped, each letter printed once', () => {
  let api: NoticesTestApi;
  let a: NoticesTenant;
  let pool: PdfBrowserPool;
  let issued = 0;
  let closed = false;

  const issue = async () => {
    issued += 1;
    const created = await issueRaw(api, a.id, {
      templateId: 'test-pack/overdue-notice',
      debtorId: a.debtorId,
      idempotencyKey: `pool-${issued}`,
      data: overdueData(),
    }).expect(201);
    return created.body.id as string;
  };
  const download = (noticeId: string) =>
    as(api, a.tokens.clerk)
      .get(`/notices/${noticeId}/pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
      .then((response) => response.body as Buffer);

  beforeAll(async () => {
    api = await startNoticesApi();
    a = await noticesTenant(api, 'pdf-pool', { clerk: ['clerk'] });
    pool = api.app.get(PdfBrowserPool);
  }, 120_000);
  afterAll(async () => {
    if (!closed) await api?.close();
  });

  it('no browser before the first PDF; the cap defaults to 2 pages', () => {
    expect(pool.stats).toMatchObject({ launches: 0, renders: 0, open: false, limit: 2 });
  });

  it('a notice downloaded twice is printed once: the second answer is the cached bytes', async () => {
    const noticeId = await issue();
    const print = jest.spyOn(pool, 'print');
    try {
      const first = await download(noticeId);
      const second = await download(noticeId);
      expect(print).toHaveBeenCalledTimes(1);
      expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(second.equals(first)).toBe(true);
    } finally {
      print.mockRestore();
    }
    expect(pool.stats).toMatchObject({ launches: 1, renders: 1, open: true });
  }, 120_000);

  it('3 simultaneous downloads of one new notice share one print', async () => {
    const noticeId = await issue();
    const before = pool.stats.renders;
    const pdfs = await Promise.all([download(noticeId), download(noticeId), download(noticeId)]);
    expect(pool.stats.renders - before).toBe(1);
    expect(pdfs[1].equals(pdfs[0]) && pdfs[2].equals(pdfs[0])).toBe(true);
  }, 120_000);

  it('5 concurrent downloads of 5 notices: all printed in the one browser, never more than 2 pages at once', async () => {
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await issue());
    const before = pool.stats;
    // The gauge is read inside every print: the most pages printing while any one printed.
    const seen: number[] = [];
    const print = pool.print.bind(pool);
    const spy = jest.spyOn(pool, 'print').mockImplementation(async (html) => {
      const pdf = await print(html);
      seen.push(pool.stats.printing);
      return pdf;
    });
    try {
      const pdfs = await Promise.all(ids.map(download));
      expect(pdfs.every((pdf) => pdf.subarray(0, 5).toString('latin1') === '%PDF-')).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(5);
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
    expect(pool.stats.peakPrinting).toBeLessThanOrEqual(2);
    expect(pool.stats.renders - before.renders).toBe(5);
    expect(pool.stats.launches).toBe(before.launches);
  }, 180_000);

  it('a browser that died is launched again for the next PDF', async () => {
    const noticeId = await issue();
    // Kill the pooled browser the way a crash would: from outside the pool.
    const browser = await (pool as unknown as { browser: Promise<{ close(): Promise<void> }> })
      .browser;
    await browser.close();
    const launches = pool.stats.launches;
    const pdf = await download(noticeId);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pool.stats.launches).toBe(launches + 1);
  }, 120_000);

  it('the cached file is keyed by the HTML: tenant/notice/sha256.pdf under STORAGE_DIR', async () => {
    const noticeId = await issue();
    const pdf = await download(noticeId);
    const html = await as(api, a.tokens.clerk).get(`/notices/${noticeId}/html`).expect(200);
    const cache = api.app.get(NoticePdfCache);
    const stored = await cache.get(a.id, noticeId, NoticePdfCache.versionOf(html.text));
    expect(stored?.equals(pdf)).toBe(true);
    expect(await cache.get(a.id, noticeId, NoticePdfCache.versionOf(`${html.text} `))).toBe(
      undefined,
    );
  }, 120_000);

  it('closing the app closes the pooled browser', async () => {
    const browser = await (pool as unknown as { browser: Promise<{ isConnected(): boolean }> })
      .browser;
    expect(browser.isConnected()).toBe(true);
    await api.close();
    closed = true;
    expect(browser.isConnected()).toBe(false);
    expect(pool.stats.open).toBe(false);
  }, 60_000);
});
