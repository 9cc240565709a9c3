import { Module } from '@nestjs/common';
import { ActivePacksModule } from '@qingshou/policy';
import { IssueDebtorLinkHandler } from './issue-link/issue-debtor-link.handler';
import { LetterLinks } from './letter-links/letter-links';
import { RevokeDebtorLinkHandler } from './revoke-link/revoke-debtor-link.handler';
import { RevokeLinksOnClose } from './revoke-link/revoke-links-on-close';
import { DebtorSms } from './support/debtor-sms';
import { LinkGate } from './support/link-gate';
import { SelfServiceRules } from './support/self-service-rules';

/**
 * The debtor's page links (issue 16 §3); this lib owns `debtor_links` and
 * `debtor_link_routes`. The module holds what needs no delivery: the pack's rules, the gate,
 * letters' links (the engine prints them) and the close hook (collection's CaseClosing, bound
 * through the engine's ports). Static, so every importer shares one instance.
 */
@Module({
  imports: [ActivePacksModule],
  providers: [SelfServiceRules, LinkGate, LetterLinks, RevokeLinksOnClose],
  exports: [SelfServiceRules, LinkGate, LetterLinks, RevokeLinksOnClose],
})
export class DebtorLinksModule {}

/**
 * IssueDebtorLink and RevokeDebtorLink, with the SMS that carries a link: provided by the
 * app module that imports DebtorLinksModule and NoticesModule (bound to the pinned pack's
 * templates), whose delivery adapters the SMS goes through. A static import of notices here
 * would be a second, unbound instance beside the app's.
 */
export const DEBTOR_LINK_HANDLERS = [IssueDebtorLinkHandler, RevokeDebtorLinkHandler, DebtorSms];
