import { Module } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { ENGINE_NOTICES_PORTS } from '@qingshou/engine';
import { NoticesModule } from '@qingshou/notices';
import { ActivePacksModule } from '@qingshou/policy';
import { DebtorActHandler } from './debtor-act/debtor-act.handler';
import { DebtorLinksController } from './debtor-links.controller';
import { GetDebtorPageHandler } from './get-debtor-page/get-debtor-page.handler';
import { IssueDebtorLinkHandler } from './issue-link/issue-debtor-link.handler';
import { ListDebtorLinksHandler } from './list-links/list-debtor-links.handler';
import { RevokeDebtorLinkHandler } from './revoke-link/revoke-debtor-link.handler';
import { SelfServiceErrorFilter } from './self-service-error.filter';
import { SelfServiceViews } from './self-service-views';
import { SelfServiceController } from './self-service.controller';
import { DebtorBalances } from './support/debtor-balances';
import { DebtorSessions } from './support/debtor-sessions';
import { DebtorSteps } from './support/debtor-steps';
import { DebtorSms } from './support/debtor-sms';
import { LinkGate } from './support/link-gate';
import { SelfServiceRules } from './support/self-service-rules';
import { SelfServiceThrottle } from './support/self-service-throttle';
import { VerifyDebtorCodeHandler } from './verify-code/verify-debtor-code.handler';
import { RequestDebtorCodeHandler } from './verify-identity/request-debtor-code.handler';

/** The debtor's own page lives at /d/**, outside the API's prefix and the console's. */
export const SELF_SERVICE_PREFIX_EXCLUDES: RouteInfo[] = [
  { path: 'd/{*rest}', method: RequestMethod.ALL },
];

/**
 * 债务人自助页面 (issue 16 §3): links (issue, revoke), verification (ID characters + SMS code),
 * the page and the debtor's actions, which dispatch the console's collection commands.
 * Owns `debtor_links` and `debtor_link_routes`.
 */
@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    ActivePacksModule,
    NoticesModule.withPorts(ENGINE_NOTICES_PORTS),
  ],
  controllers: [SelfServiceController, DebtorLinksController],
  providers: [
    SelfServiceViews,
    SelfServiceErrorFilter,
    SelfServiceRules,
    LinkGate,
    SelfServiceThrottle,
    DebtorSessions,
    DebtorSteps,
    DebtorSms,
    DebtorBalances,
    IssueDebtorLinkHandler,
    RevokeDebtorLinkHandler,
    RequestDebtorCodeHandler,
    VerifyDebtorCodeHandler,
    GetDebtorPageHandler,
    DebtorActHandler,
    ListDebtorLinksHandler,
  ],
})
export class SelfServiceModule {}
