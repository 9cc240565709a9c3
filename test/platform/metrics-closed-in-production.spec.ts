import { Logger } from '@nestjs/common';
import { BOOT_TIMEOUT_MS } from '../ledger/ledger-test-kit';
import { startTestApi, TestApi } from '../support/test-app';

/**
 * Issue 14 item 5: /metrics (queue names, volumes, routes) is open without METRICS_TOKEN only
 * outside production; a production process without the token refuses it and says so at boot.
 */
describe('/metrics in production without METRICS_TOKEN', () => {
  let api: TestApi;
  let warnings: string[];

  beforeAll(async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    api = await startTestApi({ NODE_ENV: 'production', METRICS_TOKEN: undefined });
    warnings = warn.mock.calls.map(([message]) => String(message));
    warn.mockRestore();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('is refused with 403, with or without a bearer token, and shows no metric', async () => {
    for (const authorization of [undefined, 'Bearer anything-at-all-0123456789']) {
      const request = api.http().get('/metrics');
      if (authorization) request.set('Authorization', authorization);
      const response = await request;
      expect(response.status).toBe(403);
      expect(response.text).not.toContain('qingshou_');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the boot warns that /metrics is closed and names the setting', () => {
    expect(warnings).toContainEqual(expect.stringContaining('METRICS_TOKEN is not set'));
  });
});
