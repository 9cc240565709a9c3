import { Module } from '@nestjs/common';
import { LedgerModule } from '@qingshou/ledger';
import { AccountsController } from './accounts.controller';
import { CaseContactPointsController } from './case-contact-points.controller';
import { DebtorsController } from './debtors.controller';
import { PaymentsController } from './payments.controller';

/** The ledger's HTTP edge: api.module imports this one module. */
@Module({
  imports: [LedgerModule],
  controllers: [
    DebtorsController,
    AccountsController,
    PaymentsController,
    CaseContactPointsController,
  ],
})
export class LedgerApiModule {}
