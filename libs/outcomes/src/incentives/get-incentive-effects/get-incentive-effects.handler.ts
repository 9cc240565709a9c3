import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarService } from '@qingshou/calendar';
import { assertAccountVisible, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AccountBalances, minDate, summarise, type LoanAccount } from '@qingshou/ledger';
import { resolveAsOf } from '../../kpi/support/pinned-pack';
import { evaluateIncentive, incentiveFigures } from '../relief/evaluate-incentive';
import { approvalKinds, approvalStates, pinnedIncentives } from '../support/incentive-rows';
import {
  GetIncentiveEffects,
  IncentiveEffectView,
  IncentiveEffectsView,
} from './get-incentive-effects.query';

@QueryHandler(GetIncentiveEffects)
export class GetIncentiveEffectsHandler implements IQueryHandler<
  GetIncentiveEffects,
  IncentiveEffectsView
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly balances: AccountBalances,
  ) {}

  execute(query: GetIncentiveEffects): Promise<IncentiveEffectsView> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'incentive.read');
    return this.tx.run(query.tenantId, async (em) => {
      // The core rule: a collector reads an account only through a case of theirs (404).
      await assertAccountVisible(em, viewer, query.tenantId, query.accountId);
      const loaded = await this.balances.load(em, query.tenantId, query.accountId);
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const rules = await pinnedIncentives(em, query.tenantId);
      const approvals = await approvalStates(
        em,
        query.tenantId,
        loaded.account.id,
        approvalKinds(rules),
      );
      // A copy of the loaded account carries no relief: the incentive is judged on plain terms.
      const compute = (loan: LoanAccount, on: string) =>
        this.balances.compute(query.tenantId, { ...loaded, loan }, on);
      const account = { type: loaded.account.type, loan: loaded.loan };
      const incentives = rules.map((rule): IncentiveEffectView => {
        const state = rule.approvalKind ? (approvals.get(rule.approvalKind) ?? 'none') : null;
        const outcome = evaluateIncentive(
          rule,
          account,
          state === null || state === 'approved',
          asOf,
          compute,
        );
        const at =
          outcome.settledOn ??
          (outcome.status === 'available'
            ? asOf
            : rule.deadline
              ? minDate(asOf, rule.deadline)
              : null);
        const figured = !['not-applicable', 'unsupported'].includes(outcome.status) && at;
        return {
          id: rule.id,
          names: rule.names,
          deadline: rule.deadline,
          effect: rule.effect,
          approval: rule.approvalKind ? { kind: rule.approvalKind, state: state ?? 'none' } : null,
          status: outcome.status,
          settledOn: outcome.settledOn,
          printOnNotices: rule.printOnNotices,
          reason: rule.unsupported,
          figures: figured ? incentiveFigures(rule, loaded.loan, at, compute) : null,
        };
      });
      const balance = summarise(this.balances.compute(query.tenantId, loaded, asOf));
      return { accountId: loaded.account.id, asOf, balance, incentives };
    });
  }
}
