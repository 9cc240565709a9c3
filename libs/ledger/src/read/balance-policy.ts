import { Injectable } from '@nestjs/common';
import type { BalanceOptions } from '../domain/balance/account.types';
import type { AccountRow } from './account-loader';

/**
 * Port (DESIGN §1): allocation order, aging buckets and loan-class bands belong to the
 * tenant's policy pack, which lives above the ledger. libs/policy will provide this token;
 * until then every tenant gets the domain defaults (fees → penalty → compound → interest →
 * principal, M0–M6+, the CBIRC five-category bands).
 */
export abstract class BalancePolicy {
  abstract optionsFor(tenantId: string, account: AccountRow): BalanceOptions;
}

@Injectable()
export class DefaultBalancePolicy extends BalancePolicy {
  optionsFor(): BalanceOptions {
    return {};
  }
}
