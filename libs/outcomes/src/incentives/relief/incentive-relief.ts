import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  BalanceAdjuster,
  BalanceRelief,
  BalanceReliefs,
  type LoadedAccount,
} from '@qingshou/ledger';
import {
  approvalKinds,
  type ApprovalState,
  approvalStatesOf,
  pinnedIncentives,
} from '../support/incentive-rows';
import { evaluateIncentive, relievedBalance } from './evaluate-incentive';
import type { IncentiveRule } from './incentive-rules';

/**
 * The ledger's BalanceRelief: an incentive's waiver is applied in the balance itself, so
 * the account page, the snapshot written after a payment, statements and notices all show
 * it. When a receipt settles the account (on the incentive's terms) on or before the
 * deadline, and the approval it needs is granted, the account is priced on those terms; a
 * later reversal that un-settles it brings the contract terms back, from the reversal's
 * date on (an earlier statement still shows what was true then).
 */
@Injectable()
export class IncentiveRelief extends BalanceRelief implements OnModuleInit {
  /** The pack's incentives, read once per transaction however many accounts it loads. */
  private readonly rulesByTx = new WeakMap<EntityManager, Map<string, Promise<IncentiveRule[]>>>();

  constructor(private readonly reliefs: BalanceReliefs) {
    super();
  }

  onModuleInit(): void {
    this.reliefs.use(this);
  }

  async adjusterFor(
    em: EntityManager,
    tenantId: string,
    loaded: LoadedAccount,
  ): Promise<BalanceAdjuster | null> {
    const [adjuster] = await this.adjustersFor(em, tenantId, [loaded]);
    return adjuster;
  }

  /** The pack's incentives once, and every account's approvals in one read. */
  override async adjustersFor(
    em: EntityManager,
    tenantId: string,
    loaded: readonly LoadedAccount[],
  ): Promise<(BalanceAdjuster | null)[]> {
    const rules = (await this.rules(em, tenantId)).filter((r) => !r.unsupported);
    if (rules.length === 0) return loaded.map(() => null);
    const ids = loaded.map((one) => one.account.id);
    const approvals = await approvalStatesOf(em, tenantId, ids, approvalKinds(rules));
    return loaded.map((one) => adjusterOf(rules, one, approvals.get(one.account.id) ?? new Map()));
  }

  private rules(em: EntityManager, tenantId: string): Promise<IncentiveRule[]> {
    const byTenant = this.rulesByTx.get(em) ?? new Map<string, Promise<IncentiveRule[]>>();
    this.rulesByTx.set(em, byTenant);
    const found = byTenant.get(tenantId) ?? pinnedIncentives(em, tenantId);
    byTenant.set(tenantId, found);
    return found;
  }
}

/** The account's balance on the first incentive that applies, else on the contract terms. */
function adjusterOf(
  rules: readonly IncentiveRule[],
  loaded: LoadedAccount,
  approvals: ReadonlyMap<string, ApprovalState>,
): BalanceAdjuster {
  const account = { type: loaded.account.type, loan: loaded.loan };
  return (asOf, compute) => {
    for (const rule of rules) {
      const approved = rule.approvalKind ? approvals.get(rule.approvalKind) === 'approved' : true;
      const outcome = evaluateIncentive(rule, account, approved, asOf, compute);
      if (outcome.status === 'applied') return relievedBalance(rule, loaded.loan, asOf, compute);
    }
    return compute(loaded.loan, asOf);
  };
}
