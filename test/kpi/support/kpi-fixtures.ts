import { randomBytes } from 'node:crypto';
import type { ActorMeta } from '../../../libs/collection/src';
import { OpenCase } from '../../../libs/collection/src';
import type { Role } from '../../../libs/core/src';
import {
  AddGroupMember,
  RecordPayment,
  RegisterAccount,
  RegisterDebtor,
  ReversePayment,
  type AccountType,
} from '../../../libs/ledger/src';
import { InstallPack } from '../../../libs/policy/src';
import { residentId } from '../../collection/support/fixtures';
import type { CollectionTestApi } from '../../collection/support/collection-api';

export { startCollectionApi as startKpiApi } from '../../collection/support/collection-api';

export const meta = (tenantId: string, actorId = 'test-setup', roles: Role[] = ['manager']) =>
  ({
    tenantId,
    actorId,
    correlationId: `test-${randomBytes(4).toString('hex')}`,
    roles,
  }) as ActorMeta;

/** Pins a pack for the tenant the way its admin would (InstallPack), with parameters. */
export async function installPack(
  api: CollectionTestApi,
  tenantId: string,
  pack: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  await api.commands.execute(
    new InstallPack(
      meta(tenantId, 'test-admin', ['tenant-admin']),
      tenantId,
      pack,
      undefined,
      params,
    ),
  );
}

export interface LoanInput {
  readonly name: string;
  readonly type?: AccountType;
  readonly principal: string;
  readonly interest?: string;
  readonly annualRate?: string;
  readonly penaltyMarkup?: string;
  readonly compound?: boolean;
  readonly startDate: string;
  readonly dueOn: string;
  /** Several installments instead of one (a contribution plan: one per month). */
  readonly installments?: readonly { readonly dueDate: string; readonly principal: string }[];
  /** Debtor groups to join: { type: 'school', code: '县一中' }. */
  readonly groups?: readonly { type: string; code: string }[];
}

/**
 * A debtor with one account of one installment, through the ledger's own commands. By
 * default 0%, so what is due is exactly the principal whatever markup applies. Markup and
 * compound interest are the pinned pack's unless given (a given value the pack binds is
 * refused, docs/policy-packs.md), and 0 / off where the pack is silent.
 */
export async function borrower(
  api: CollectionTestApi,
  tenantId: string,
  input: LoanInput,
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
      type: input.type ?? 'loan',
      source: 'test',
      externalRef: `L-${randomBytes(5).toString('hex')}`,
      principal: input.principal,
      annualRate: input.annualRate ?? '0',
      penaltyMarkup: input.penaltyMarkup,
      compoundInterest: input.compound,
      startDate: input.startDate,
      schedule: {
        method: 'given',
        installments: input.installments?.map((i) => ({ ...i, interest: '0.00' })) ?? [
          { dueDate: input.dueOn, principal: input.principal, interest: input.interest ?? '0.00' },
        ],
      },
    }),
  );
  for (const group of input.groups ?? []) {
    await api.commands.execute(
      new AddGroupMember(meta(tenantId), debtor.id, { ...group, name: group.code }),
    );
  }
  return { debtorId: debtor.id, accountId: account.id };
}

export async function pay(
  api: CollectionTestApi,
  tenantId: string,
  accountId: string,
  paidOn: string,
  amount: string,
): Promise<string> {
  const recorded = await api.commands.execute(
    new RecordPayment(meta(tenantId), {
      accountId,
      source: 'bank-feed',
      externalRef: `TX-${randomBytes(6).toString('hex')}`,
      paidOn,
      amount,
    }),
  );
  return recorded.payment.id as string;
}

export async function reverse(
  api: CollectionTestApi,
  tenantId: string,
  paymentId: string,
  reversedOn: string,
): Promise<void> {
  await api.commands.execute(
    // Reversing a receipt is finance's (the core permission matrix: payment.reverse).
    new ReversePayment(meta(tenantId, 'test-setup', ['finance']), {
      paymentId,
      reversedOn,
      reason: '退票 (bounced)',
    }),
  );
}

/** A debtor-scope case, opened by a manager (collection's own command). */
export async function openCase(
  api: CollectionTestApi,
  tenantId: string,
  managerId: string,
  debtorId: string,
  overdueReasonCode?: string,
): Promise<string> {
  const opened = await api.commands.execute(
    new OpenCase(meta(tenantId, managerId, ['manager']), {
      debtorId,
      scope: 'debtor',
      ...(overdueReasonCode ? { overdueReasonCode } : {}),
    }),
  );
  return opened.id as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
