import { Module } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { ENGINE_NOTICES_PORTS } from '@qingshou/engine';
import { NoticesModule } from '@qingshou/notices';
import { ActivePacksModule } from '@qingshou/policy';
import { DEBTOR_LINK_HANDLERS, DebtorLinksModule } from '@qingshou/self-service';
import { DebtorActHandler } from './debtor-act/debtor-act.handler';
import { DebtorLinksController } from './debtor-links.controller';
import { GetDebtorPageHandler } from './get-debtor-page/get-debtor-page.handler';
import { ListDebtorLinksHandler } from './list-links/list-debtor-links.handler';
import { SelfServiceErrorFilter } from './self-service-error.filter';
import { SelfServiceViews } from './self-service-views';
import { SelfServiceController } from './self-service.controller';
import { DebtorBalances } from './support/debtor-balances';
import { DebtorSessions } from './support/debtor-sessions';
import { DebtorSteps } from './support/debtor-steps';
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
 * The links themselves (and their tables) are libs/self-service's; this module words the page.
 */
@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    ActivePacksModule,
    NoticesModule.withPorts(ENGINE_NOTICES_PORTS),
    DebtorLinksModule,
  ],
  controllers: [SelfServiceController, DebtorLinksController],
  providers: [
    SelfServiceViews,
    SelfServiceErrorFilter,
    ...DEBTOR_LINK_HANDLERS,
    SelfServiceThrottle,
    DebtorSessions,
    DebtorSteps,
    DebtorBalances,
    RequestDebtorCodeHandler,
    VerifyDebtorCodeHandler,
    GetDebtorPageHandler,
    DebtorActHandler,
    ListDebtorLinksHandler,
  ],
})
export class SelfServiceModule {}
