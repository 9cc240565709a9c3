export * from './notices.module';

export * from './rendering/front-matter';
export * from './rendering/helpers';
export * from './rendering/notice-data';
export * from './rendering/notice-input';
export * from './rendering/shared-templates';
export * from './rendering/template-engine';
export * from './rendering/template-errors';

export * from './domain/delivery';
export * from './ports/notice-template-source';
export * from './support/notice-events';
export { RESERVED_DATA_KEYS } from './support/notice-context';
export type { DeliveryEventView, NoticeView } from './support/notice-rows';

export * from './issue-notice/issue-notice.command';
export * from './issue-notice/issue-notices.command';
export * from './record-delivery/record-delivery.command';
export * from './get-notice/get-notice.query';
export * from './render-notice-pdf/render-notice-pdf.query';
export { PdfUnavailableError } from './render-notice-pdf/render-notice-pdf.handler';
// The reports print through the same pool class (one browser, pages capped).
export { PdfBrowserPool } from './pdf/pdf-browser-pool';
export * from './preview-notice/preview-notice.query';
export * from './dispatch-notices/dispatch-notices.command';
export * from './list-dispatches/list-dispatches.query';
export * from './delivery/delivery-adapter';
export { DeliveryAdapters, DISPATCH_CHANNELS } from './delivery/delivery-adapters';
export type { DispatchChannel } from './delivery/delivery-adapters';
export type { DispatchState, DispatchView } from './delivery/dispatch-rows';
export { MAX_DISPATCH_ATTEMPTS } from './delivery/retry-policy';
