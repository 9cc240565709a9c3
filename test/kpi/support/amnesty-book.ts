import { DecideApproval, RequestApproval } from '../../../libs/collection/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { borrower, meta, openCase } from './kpi-fixtures';

/**
 * The co-op amnesty's book (第二篇 四（二）1): 10,000.00 at 7.2% with 360.00 interest, all
 * due 2012-02-01, penalty markup 50%, compound on, in 前营村.
 */
export const amnestyLoan = (api: CollectionTestApi, tenantId: string, name: string) =>
  borrower(api, tenantId, {
    name,
    principal: '10000.00',
    interest: '360.00',
    annualRate: '0.072',
    penaltyMarkup: '0.5',
    compound: true,
    startDate: '2011-08-01',
    dueOn: '2012-02-01',
    groups: [{ type: 'village', code: '前营村' }],
  });

/** 经农村信用社认可同意: asked on the debtor's case by one manager, approved by another. */
export async function approveWaiver(
  api: CollectionTestApi,
  tenantId: string,
  by: { askedBy: string; approvedBy: string },
  debtorId: string,
): Promise<void> {
  const caseId = await openCase(api, tenantId, by.approvedBy, debtorId);
  const { id } = await api.commands.execute(
    new RequestApproval(meta(tenantId, by.askedBy, ['manager']), {
      caseId,
      kind: 'waiver',
      reason: '主动归还欠款，申请减免罚息',
    }),
  );
  await api.commands.execute(
    new DecideApproval(meta(tenantId, by.approvedBy, ['manager']), id, 'approved'),
  );
}
