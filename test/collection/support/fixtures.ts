import { randomBytes } from 'node:crypto';
import { systemMeta } from '@qingshou/core';
import type { Role } from '../../../libs/core/src';
import {
  RecordPayment,
  RegisterAccount,
  RegisterDebtor,
  residentIdCheckChar,
} from '../../../libs/ledger/src';
import { createTenant, createUser, login } from '../../support/test-app';
import { connect } from '../../support/test-db';
import type { CollectionTestApi } from './collection-api';

export interface Member {
  readonly id: string;
  readonly token: string;
}

/** A tenant with one user per name given, each logged in. */
export async function tenantWithUsers<K extends string>(
  api: CollectionTestApi,
  slug: string,
  users: Record<K, Role[]>,
): Promise<{ tenantId: string; users: Record<K, Member> }> {
  const tenantId = await createTenant(api, slug, 'microloan');
  const result = {} as Record<K, Member>;
  for (const [name, roles] of Object.entries(users) as [K, Role[]][]) {
    const id = await createUser(api, tenantId, name, roles);
    result[name] = { id, token: await login(api, slug, name) };
  }
  return { tenantId, users: result };
}

/** Setting up the book is not a person's work: the system viewer (jobs, CLI) does it. */
const meta = (tenantId: string) =>
  systemMeta({
    tenantId,
    actorId: 'test-setup',
    correlationId: `test-${randomBytes(4).toString('hex')}`,
  });

let serial = 0;

/** A valid 18-digit resident ID (GB 11643 check digit), different on every call. */
export function residentId(): string {
  serial += 1;
  const first17 = `110101198001${String((serial % 28) + 1).padStart(2, '0')}${String(100 + serial).slice(-3)}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Through the ledger's own commands: a person owing `principal` in one installment due on
 * `dueOn`, at 0% — so the amount due is exactly the principal whatever markup the tenant's
 * pack sets, and DPD is the days since `dueOn`.
 */
export async function debtorWithOverdueAccount(
  api: CollectionTestApi,
  tenantId: string,
  input: { name: string; principal: string; dueOn: string; startDate: string },
): Promise<{ debtorId: string; accountId: string }> {
  const debtor = await api.commands.execute(
    new RegisterDebtor(meta(tenantId), {
      kind: 'person',
      name: input.name,
      idNumber: residentId(),
    }),
  );
  const account = await api.commands.execute(
    new RegisterAccount(meta(tenantId), {
      debtorId: debtor.id,
      type: 'microloan',
      source: 'test',
      externalRef: `ML-${randomBytes(4).toString('hex')}`,
      principal: input.principal,
      annualRate: '0',
      startDate: input.startDate,
      schedule: {
        method: 'given',
        installments: [{ dueDate: input.dueOn, principal: input.principal, interest: '0.00' }],
      },
    }),
  );
  return { debtorId: debtor.id, accountId: account.id };
}

export async function pay(
  api: CollectionTestApi,
  tenantId: string,
  accountId: string,
  paidOn: string,
  amount: string,
): Promise<void> {
  await api.commands.execute(
    new RecordPayment(meta(tenantId), {
      accountId,
      source: 'bank-feed',
      externalRef: `TX-${randomBytes(6).toString('hex')}`,
      paidOn,
      amount,
    }),
  );
}

/** Opens a debtor case through the API as `opener` (a manager or supervisor). */
export async function openCase(
  api: CollectionTestApi,
  opener: Member,
  debtorId: string,
  priority = 0,
): Promise<string> {
  const response = await api
    .http()
    .post('/api/v1/cases')
    .set('Authorization', `Bearer ${opener.token}`)
    .send({ debtorId, scope: 'debtor', priority })
    .expect(201);
  return response.body.id as string;
}

export async function assign(
  api: CollectionTestApi,
  by: Member,
  caseId: string,
  to: Member,
  note?: string,
) {
  return api
    .http()
    .post(`/api/v1/cases/${caseId}/assign`)
    .set('Authorization', `Bearer ${by.token}`)
    .send({ assigneeId: to.id, ...(note ? { handoverNote: note } : {}) })
    .expect(200);
}

/** Raw SQL as the owner (RLS does not apply): what is really in the tables. */
export async function ownerQuery<T extends Record<string, unknown>>(
  api: CollectionTestApi,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = await connect(api.db.ownerUrl);
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Rows per tenant-owned table, as the owner: "nothing was written" is these counts unchanged. */
export async function tenantRowCounts(api: CollectionTestApi): Promise<Record<string, number>> {
  const tables = await ownerQuery<{ table_name: string }>(
    api,
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from "${table_name}"`,
    );
    counts[table_name] = row!.n;
  }
  return counts;
}
