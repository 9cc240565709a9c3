import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AccountBalanceView, dec, GetAccountBalance } from '@qingshou/ledger';
import type { DebtorAccountLine } from '../get-debtor-page/get-debtor-page.query';
import { type OpenLink, debtorActorId } from '@qingshou/self-service';

export type BalanceFigures = Omit<DebtorAccountLine, 'accountId' | 'label'>;

const sum = (...values: string[]) =>
  values.reduce((total, v) => total.plus(v), dec('0')).toFixed(2);

/**
 * The case's balance as of the tenant's business date, per account, from the ledger's own
 * query (GetAccountBalance): 本金, 利息, 罚息 (penalty + compound), 费用, 今日到期, 合计 — to the
 * fen, summed with decimals only.
 */
@Injectable()
export class DebtorBalances {
  constructor(
    private readonly tx: TenantTx,
    private readonly queries: QueryBus,
  ) {}

  async of(
    link: OpenLink,
    correlationId: string,
  ): Promise<{ asOf: string | null; accounts: DebtorAccountLine[]; totals: BalanceFigures }> {
    const rows = await this.tx.run(link.tenantId, (em) =>
      em.execute<{ id: string; ref: string }[]>(
        `select a.id, a.external_ref as ref from case_accounts ca
           join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
          where ca.tenant_id = ? and ca.case_id = ? order by a.external_ref`,
        [link.tenantId, link.caseId],
      ),
    );
    const meta = systemMeta({
      tenantId: link.tenantId,
      actorId: debtorActorId(link.linkId),
      correlationId,
    });
    const balances: AccountBalanceView[] = [];
    for (const row of rows) {
      balances.push(await this.queries.execute(new GetAccountBalance(meta, row.id)));
    }
    const accounts = balances.map((b, i) => ({
      accountId: b.accountId,
      label: `尾号${rows[i].ref.slice(-4)}`,
      principal: dec(b.overduePrincipal).toFixed(2),
      interest: dec(b.overdueInterest).toFixed(2),
      penalty: sum(b.penaltyInterest, b.compoundInterest),
      fees: dec(b.fees).toFixed(2),
      dueToday: dec(b.dueToday).toFixed(2),
      total: dec(b.totalDue).toFixed(2),
    }));
    const column = (key: keyof BalanceFigures) => sum(...accounts.map((a) => a[key]));
    return {
      asOf: balances[0]?.asOf ?? null,
      accounts,
      totals: {
        principal: column('principal'),
        interest: column('interest'),
        penalty: column('penalty'),
        fees: column('fees'),
        dueToday: column('dueToday'),
        total: column('total'),
      },
    };
  }
}
