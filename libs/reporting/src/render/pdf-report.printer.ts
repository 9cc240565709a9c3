import { Inject, Injectable } from '@nestjs/common';
import { PdfBrowserPool, PdfUnavailableError } from '@qingshou/notices';
import type { Lang, ReportDocument } from '../document/report-document';
import { renderHtmlReport } from './html-report.renderer';

/**
 * A report as a printable A4 PDF: the report's own HTML with page rules (a running header
 * with the tenant, the period and 生成时间 on every page, 第 n 页 / 共 m 页 at the foot),
 * printed by the notices' Chromium pool (scripts off, no network). Where Chromium is not
 * installed the request is refused (503) and the HTML can be printed instead.
 */
/** The reports' own Chromium pool (a PdfBrowserPool apart from the notices'). */
export const REPORT_PDF_POOL = Symbol('REPORT_PDF_POOL');

@Injectable()
export class ReportPrinter {
  constructor(@Inject(REPORT_PDF_POOL) private readonly pool: PdfBrowserPool) {}

  async print(doc: ReportDocument, lang: Lang): Promise<Buffer> {
    if (!this.pool.installed) throw new PdfUnavailableError();
    return this.pool.print(renderHtmlReport(doc, lang, true).toString('utf8'));
  }
}
