import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { AddGroupMemberHandler } from './add-group-member/add-group-member.handler';
import { AddContactPointHandler } from './add-contact-point/add-contact-point.handler';
import { AddRelatedPartyHandler } from './add-related-party/add-related-party.handler';
import { Account } from './entities/account.entity';
import { Debtor } from './entities/debtor.entity';
import { DebtorGroup, DebtorGroupMember } from './entities/debtor-group.entity';
import { InstallmentRow } from './entities/installment.entity';
import { AccountFee, Payment } from './entities/payment.entity';
import { RelatedParty } from './entities/related-party.entity';
import { GetCaseContactsHandler } from './get-case-contacts/get-case-contacts.handler';
import { GetAccountBalanceHandler } from './get-account-balance/get-account-balance.handler';
import { GetDebtorHandler } from './get-debtor/get-debtor.handler';
import { GetLedgerHandler } from './get-ledger/get-ledger.handler';
import { AccountBalances } from './read/account-balances.service';
import { BalanceReliefs } from './read/balance-policy';
import { MarkDebtorUnreachableHandler } from './mark-debtor-unreachable/mark-debtor-unreachable.handler';
import { MarkDebtorReachableHandler } from './mark-debtor-reachable/mark-debtor-reachable.handler';
import { RecordPaymentHandler } from './record-payment/record-payment.handler';
import { RegisterAccountHandler } from './register-account/register-account.handler';
import { RegisterDebtorHandler } from './register-debtor/register-debtor.handler';
import { ReversePaymentHandler } from './reverse-payment/reverse-payment.handler';
import { SetContactPointStatusHandler } from './set-contact-point-status/set-contact-point-status.handler';
import { BusinessDate } from './support/business-date';
import { LedgerTerms } from './terms/pack-terms';

/** Debtors, accounts, schedules, payments and balances (issue 3, "Ledger"). */
@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    MikroOrmModule.forFeature([
      Debtor,
      DebtorGroup,
      DebtorGroupMember,
      RelatedParty,
      Account,
      InstallmentRow,
      AccountFee,
      Payment,
    ]),
  ],
  providers: [
    BusinessDate,
    AccountBalances,
    BalanceReliefs,
    LedgerTerms,
    RegisterDebtorHandler,
    RegisterAccountHandler,
    RecordPaymentHandler,
    ReversePaymentHandler,
    AddRelatedPartyHandler,
    AddGroupMemberHandler,
    GetDebtorHandler,
    GetAccountBalanceHandler,
    GetLedgerHandler,
    AddContactPointHandler,
    SetContactPointStatusHandler,
    MarkDebtorUnreachableHandler,
    MarkDebtorReachableHandler,
    GetCaseContactsHandler,
  ],
  exports: [AccountBalances, BalanceReliefs, LedgerTerms],
})
export class LedgerModule {}
