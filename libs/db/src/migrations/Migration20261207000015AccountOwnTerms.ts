import { Migration } from '@mikro-orm/migrations';

/**
 * The pack-bound ledger (issue 12): penalty markup, compound interest and the day-count basis
 * come from the tenant's pinned pack; an account keeps a value of its own only where the pack
 * lets it (`interest.accountMayOverride`) or says nothing. `own_terms` names the terms the
 * account set itself ('penaltyMarkup', 'compoundInterest', 'dayCountBasis'); for the others
 * the three columns hold the pack's value at registration and every balance reads the pack.
 *
 * Existing rows get '{}': they follow the pack from now on wherever it states a term, which
 * is what issue 12 asks of the demo and imported co-op loans (they carried no 罚息/复利).
 * Where the pack states nothing, the columns stay what they were, so nothing changes.
 */
export class Migration20261207000015AccountOwnTerms extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table accounts add column own_terms text[] not null default '{}'
         check (own_terms <@ array['penaltyMarkup', 'compoundInterest', 'dayCountBasis'])`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table accounts drop column own_terms`);
  }
}
