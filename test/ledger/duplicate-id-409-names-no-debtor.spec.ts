import { startTestApi, TestApi } from '../support/test-app';
import { as, BOOT_TIMEOUT_MS, IDS, registerDebtor, tenantWithUsers } from './ledger-test-kit';

/**
 * Issue 14, clerk probing: a clerk sees ID numbers masked (birth date hidden), so the 409 on a
 * guessed full number must not say whose it is; a role that may reveal personal data gets the
 * debtor's id to open the existing record.
 */
describe('POST /debtors with a registered ID number: 409 names the debtor only to a revealing role', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let debtorId: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ tokens } = await tenantWithUsers(api, 'dup-id', {
      clerk: ['clerk'],
      manager: ['manager'],
    }));
    debtorId = await registerDebtor(api, tokens.manager, {
      name: '孙桂英',
      idNumber: IDS.sunGuiying,
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('a clerk guessing the full number gets 409 with neither the debtor id nor the name', async () => {
    const response = await as(api, tokens.clerk)
      .post('/debtors', { kind: 'person', name: '张三', idNumber: IDS.sunGuiying })
      .expect(409);
    const body = JSON.stringify(response.body);
    expect(body).not.toContain(debtorId);
    expect(body).not.toContain('孙桂英');
    expect(response.body.detail).toBe('A debtor with this ID number is already registered');
  });

  it('a manager (may reveal) gets 409 naming the existing debtor id', async () => {
    const response = await as(api, tokens.manager)
      .post('/debtors', { kind: 'person', name: '张三', idNumber: IDS.sunGuiying })
      .expect(409);
    expect(response.body.detail).toBe(
      `A debtor with this ID number is already registered: ${debtorId}`,
    );
  });
});
