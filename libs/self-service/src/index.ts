// @qingshou/self-service — the debtor's own page's links (issue 16 §3): issuing them (console,
// SMS, a letter's QR), revoking them (by hand, with the case), the gate every step of the
// page passes, and the pack's selfService rules. Owns debtor_links and debtor_link_routes.
export * from './debtor-links.module';
export * from './domain/link-token';
export * from './issue-link/issue-debtor-link.command';
export { linkSmsText } from './issue-link/issue-debtor-link.handler';
export * from './revoke-link/revoke-debtor-link.command';
export { RevokeLinksOnClose } from './revoke-link/revoke-links-on-close';
export * from './letter-links/letter-links';
export * from './support/self-service-rules';
export * from './support/self-service-audit';
export { DebtorSms } from './support/debtor-sms';
export { LinkGate, type OpenLink } from './support/link-gate';
export {
  markDebtorVerified,
  storeDebtorCode,
  type NewDebtorLink,
} from './writers/debtor-link-writers';
