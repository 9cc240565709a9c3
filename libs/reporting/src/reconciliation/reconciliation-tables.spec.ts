import type { ReconciledAccount } from './reconciliation.sql';
import { DIFFERENCE_KINDS, summaryTable } from './reconciliation-tables';

const account = (
  kind: ReconciledAccount['kind'],
  agencyAmount: string,
  clientAmount: string,
): ReconciledAccount => ({
  accountId: `${kind}-${agencyAmount}`,
  accountRef: '6225000000000000',
  debtorName: '持卡人',
  debtorIdNumber: null,
  collector: null,
  agencyAmount,
  clientAmount,
  difference: '0',
  kind,
});

describe('the reconciliation summary', () => {
  it('sums each kind to the fen in decimal: 0.10 + 0.20 agency vs 0.30 bank agrees exactly', () => {
    const table = summaryTable([
      account('agreed', '0.10', '0.10'),
      account('agreed', '0.20', '0.20'),
      account('amount-mismatch', '300.00', '310.00'),
      account('agency-only', '200.00', '0'),
      account('client-only', '0', '150.00'),
    ]);
    const byKind = Object.fromEntries(
      table.rows.map((r) => [(r[0] as { zh: string }).zh, r.slice(1)]),
    );
    expect(byKind[DIFFERENCE_KINDS.agreed.zh]).toEqual([2, 0.3, 0.3, 0]);
    expect(byKind[DIFFERENCE_KINDS['amount-mismatch'].zh]).toEqual([1, 300, 310, -10]);
    expect(byKind[DIFFERENCE_KINDS['agency-only'].zh]).toEqual([1, 200, 0, 200]);
    expect(byKind[DIFFERENCE_KINDS['client-only'].zh]).toEqual([1, 0, 150, -150]);
    expect(byKind[DIFFERENCE_KINDS.unpaired.zh]).toEqual([0, 0, 0, 0]);
    expect(byKind['合计']).toEqual([5, 500.3, 460.3, 40]);
  });
});
