import type { Role } from '../../libs/core/src';
import { createTenant, createUser, login, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';

/** Valid GB 11643 numbers (check digit verified) used across the ledger specs. */
export const IDS = {
  sunGuiying: '11010519670523465X',
  linJing: '510107197102136120',
  yangChao: '340104199810100338',
  liuLi: '150221197208109652',
};

export interface TestTenant {
  id: string;
  slug: string;
  /** Bearer tokens by username. */
  tokens: Record<string, string>;
  userIds: Record<string, string>;
}

/** A tenant with one user per entry, each logged in. */
export async function tenantWithUsers(
  api: TestApi,
  slug: string,
  users: Record<string, Role[]>,
): Promise<TestTenant> {
  const id = await createTenant(api, slug);
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const [username, roles] of Object.entries(users)) {
    userIds[username] = await createUser(api, id, username, roles);
    tokens[username] = await login(api, slug, username);
  }
  return { id, slug, tokens, userIds };
}

/** Supertest with the bearer token set, for terse specs. */
export function as(api: TestApi, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    post: (url: string, body: object) => api.http().post(`/api/v1${url}`).set(auth).send(body),
    get: (url: string) => api.http().get(`/api/v1${url}`).set(auth),
  };
}

export async function registerDebtor(
  api: TestApi,
  token: string,
  body: Partial<{
    kind: string;
    name: string;
    idNumber: string;
    phones: string[];
    address: string;
  }> = {},
): Promise<string> {
  const response = await as(api, token)
    .post('/debtors', { kind: 'person', name: '孙桂英', idNumber: IDS.sunGuiying, ...body })
    .expect(201);
  return response.body.id as string;
}

/**
 * The example: 100,000.00 at 6%, markup 50%, basis 360, one bullet installment
 * due 2026-01-01 (start 2025-12-01, one month; interest 100,000 × 6% / 12 = 500.00).
 */
export async function registerBulletAccount(
  api: TestApi,
  token: string,
  debtorId: string,
  externalRef = 'BULLET-001',
): Promise<string> {
  const response = await as(api, token)
    .post('/accounts', {
      debtorId,
      type: 'loan',
      source: 'core-banking',
      externalRef,
      principal: '100000.00',
      annualRate: '6%',
      dayCountBasis: 360,
      penaltyMarkup: '50%',
      startDate: '2025-12-01',
      schedule: { method: 'bullet', termMonths: 1 },
    })
    .expect(201);
  return response.body.id as string;
}

/** Runs one query as the database owner (bypasses RLS): what really is in the tables. */
export async function ownerQuery<T extends object>(
  api: TestApi,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = await connect(api.db.ownerUrl);
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Booting the API and logging users in (argon2) took over a minute at a load average of 8 on
 * two cores (issue 14): hooks get three minutes, a limit for a hang, not a speed check.
 */
export const BOOT_TIMEOUT_MS = 180_000;
