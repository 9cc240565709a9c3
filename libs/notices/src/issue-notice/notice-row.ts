import { randomUUID } from 'node:crypto';
import type { NoticeTemplateFile } from '../ports/notice-template-source';
import type { DeliveryRule } from '../rendering/front-matter';
import type { NoticeTemplate, NoticeTemplateEngine } from '../rendering/template-engine';
import { composeNoticeData, type TenantProfile } from '../support/notice-context';
import type { NewNoticeRow } from '../support/notice-rows';
import type { IssueNoticeInput } from './issue-notice.command';

/**
 * One notice rendered into the row both IssueNotice and IssueNotices store: the delivery rule
 * the caller chose or the template's, the data composed with the tenant's letterhead, the
 * engine's HTML. Throws the engine's error when the data does not fit the template.
 */
export function renderNoticeRow(
  engine: NoticeTemplateEngine,
  issue: { readonly tenantId: string; readonly actorId: string; readonly at: Date },
  input: IssueNoticeInput,
  compiled: { readonly file: NoticeTemplateFile; readonly template: NoticeTemplate },
  tenant: TenantProfile,
): NewNoticeRow {
  const { file, template } = compiled;
  const chosen = input.deliveryRule ?? template.frontMatter.delivery;
  const rule: DeliveryRule | null = chosen
    ? { periodDays: chosen.periodDays, fallbackOffsetDays: chosen.fallbackOffsetDays }
    : null;
  const id = randomUUID();
  const data = composeNoticeData(input.data, tenant, {
    id,
    title: template.frontMatter.title,
    rule,
    issuedOn: input.issuedOn,
  });
  const rendered = engine.render(template, data);
  return {
    tenantId: issue.tenantId,
    id,
    caseId: input.caseId?.toLowerCase() ?? null,
    debtorId: input.debtorId.toLowerCase(),
    templateId: file.templateId,
    packVersion: file.packVersion,
    templateHash: rendered.templateHash,
    channel: rendered.channel,
    title: rendered.title,
    html: rendered.html,
    data: rendered.data,
    idempotencyKey: input.idempotencyKey,
    deliveryRule: rule,
    issuedBy: issue.actorId,
    at: issue.at,
  };
}
