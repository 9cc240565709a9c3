import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { NoticeTemplateSource } from '../ports/notice-template-source';
import { NoticeTemplateEngine } from '../rendering/template-engine';
import { composeNoticeData, NoticeContext } from '../support/notice-context';
import { NoticePreview, PreviewNotice } from './preview-notice.query';

/**
 * The same composition and rendering as issuing (tenant letterhead, date of issue, delivery
 * rule), so what is previewed is what a debtor would receive; nothing is written. A draft's
 * source is for the roles that try pack changes (notice.preview-source).
 */
@QueryHandler(PreviewNotice)
export class PreviewNoticeHandler implements IQueryHandler<PreviewNotice, NoticePreview> {
  constructor(
    private readonly tx: TenantTx,
    private readonly context: NoticeContext,
    private readonly engine: NoticeTemplateEngine,
    private readonly templates: NoticeTemplateSource,
  ) {}

  async execute(query: PreviewNotice): Promise<NoticePreview> {
    const viewer = viewerOf(query);
    requirePermission(
      viewer,
      'templateSource' in query.template ? 'notice.preview-source' : 'notice.preview',
    );
    const data = query.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ValidationFailedError('The preview has 1 invalid field', [
        { path: 'data', reason: 'must be a JSON object' },
      ]);
    }
    let name = 'preview';
    let source: string;
    if ('templateId' in query.template) {
      const file = await this.templates.find(query.tenantId, query.template.templateId);
      if (!file) throw new NotFoundError('Notice template', query.template.templateId);
      [name, source] = [file.templateId, file.source];
    } else {
      source = query.template.templateSource;
    }
    const template = this.engine.compile(name, source);
    const tenant = await this.tx.run(query.tenantId, (em) =>
      this.context.tenant(em, query.tenantId),
    );
    const chosen = query.options.deliveryRule ?? template.frontMatter.delivery;
    const rule = chosen
      ? { periodDays: chosen.periodDays, fallbackOffsetDays: chosen.fallbackOffsetDays }
      : null;
    const composed = composeNoticeData(query.data, tenant, {
      id: null,
      title: template.frontMatter.title,
      rule,
      issuedOn: query.options.issuedOn,
    });
    const rendered = this.engine.render(template, composed);
    return {
      title: rendered.title,
      channel: rendered.channel,
      html: rendered.html,
      templateHash: rendered.templateHash,
      required: template.required,
      deliveryRule: rule,
    };
  }
}
