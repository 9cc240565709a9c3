import { DynamicModule, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { AppConfig } from '@qingshou/core';
import { DeliveryAdapters } from './delivery/delivery-adapters';
import { DispatchNoticesHandler } from './dispatch-notices/dispatch-notices.handler';
import { GetNoticeHandler, GetNoticeHtmlHandler } from './get-notice/get-notice.handler';
import { RenderNoticePdfHandler } from './render-notice-pdf/render-notice-pdf.handler';
import { NoticePdfCache } from './pdf/notice-pdf-cache';
import { PdfBrowserPool } from './pdf/pdf-browser-pool';
import { IssueNoticeHandler } from './issue-notice/issue-notice.handler';
import { IssueNoticesHandler } from './issue-notice/issue-notices.handler';
import { ListNoticeDispatchesHandler } from './list-dispatches/list-dispatches.handler';
import {
  defaultPoliciesDir,
  NoticeTemplateSource,
  PackDirectoryTemplateSource,
} from './ports/notice-template-source';
import { PreviewNoticeHandler } from './preview-notice/preview-notice.handler';
import { RecordDeliveryHandler } from './record-delivery/record-delivery.handler';
import { loadSharedTemplates } from './rendering/shared-templates';
import { NoticeTemplateEngine } from './rendering/template-engine';
import { NoticeContext } from './support/notice-context';

/** Implementations of the ports, from a module above this lib (the policy engine). */
export interface NoticesPorts {
  /** Modules that provide and export the implementations named below. */
  readonly imports?: ModuleMetadata['imports'];
  readonly templateSource?: Type<NoticeTemplateSource>;
}

/**
 * Rendering, delivery tracking and deadlines. Imported as is, templates come from
 * `policies/<pack>/templates` and shared layouts from `templates/`, both read once at boot
 * (a bad shared template stops the process rather than a letter). Commands: IssueNotice,
 * RecordDelivery, DispatchNotices (delivery through channel adapters); queries: GetNotice,
 * GetNoticeHtml, PreviewNotice, ListNoticeDispatches.
 */
const BOUND_NOTICES = new WeakMap<NoticesPorts, DynamicModule>();

@Module({
  imports: [CqrsModule, CalendarModule],
  providers: [
    NoticeContext,
    {
      provide: NoticeTemplateEngine,
      useFactory: () => new NoticeTemplateEngine(loadSharedTemplates()),
    },
    {
      provide: NoticeTemplateSource,
      useFactory: () => new PackDirectoryTemplateSource(defaultPoliciesDir()),
    },
    IssueNoticeHandler,
    IssueNoticesHandler,
    RecordDeliveryHandler,
    GetNoticeHandler,
    GetNoticeHtmlHandler,
    RenderNoticePdfHandler,
    // One browser per process for PDFs on request; closed on application shutdown.
    {
      provide: PdfBrowserPool,
      useFactory: (config: AppConfig) => new PdfBrowserPool(config),
      inject: [AppConfig],
    },
    NoticePdfCache,
    PreviewNoticeHandler,
    DeliveryAdapters,
    DispatchNoticesHandler,
    ListNoticeDispatchesHandler,
  ],
  // PdfBrowserPool: the console prints its 分期还款协议书 through the same one browser.
  exports: [NoticeTemplateEngine, NoticeTemplateSource, DeliveryAdapters, PdfBrowserPool],
})
export class NoticesModule {
  /** Dynamic providers register after the decorator's, so the same token is replaced. */
  /**
   * One module per ports object: Nest 11 tells dynamic modules apart by reference, so
   * handing every importer the same object keeps one set of handlers in the process.
   */
  static withPorts(ports: NoticesPorts): DynamicModule {
    const known = BOUND_NOTICES.get(ports);
    if (known) return known;
    const providers: Provider[] = ports.templateSource
      ? [{ provide: NoticeTemplateSource, useExisting: ports.templateSource }]
      : [];
    const bound = { module: NoticesModule, imports: [...(ports.imports ?? [])], providers };
    BOUND_NOTICES.set(ports, bound);
    return bound;
  }
}
