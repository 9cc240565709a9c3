import { Injectable } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import { NoticeTemplateFile, NoticeTemplateSource } from '@qingshou/notices';
import { stringify } from 'yaml';
import type { ResolvedTemplate } from '@qingshou/policy';
import { PinnedPacks } from '../run/pinned-packs';

/**
 * Fields the pack format promises (SUPPLIED_TEMPLATE_FIELDS) that the notices lib fills
 * under other names: it owns `notice.*` (the key is reserved), so a pack template's
 * `notice.date` is the lib's issue date, its `notice.deadline` the lib's deadline helper
 * over the delivery rule, its `notice.number` the notice id.
 */
const NOTICE_FIELDS: readonly [RegExp, string][] = [
  [/\{\{\s*notice\.date\s*\}\}/g, '{{date notice.issuedOn}}'],
  [/\{\{\s*notice\.deadline\s*\}\}/g, '{{deadline notice.delivery}}'],
  [/\{\{\s*notice\.number\s*\}\}/g, '{{notice.id}}'],
  [/\{\{\s*notice\.periodDays\s*\}\}/g, '{{notice.delivery.periodDays}}'],
];
const REQUIRED_FIELDS: Readonly<Record<string, string | null>> = {
  'notice.date': 'notice.issuedOn',
  'notice.deadline': 'notice.delivery',
  'notice.number': null,
  'notice.periodDays': 'notice.delivery',
};

/** A pinned template as the file the notices lib reads: front matter, then the body. */
export function templateFile(
  packId: string,
  version: string,
  t: ResolvedTemplate,
): NoticeTemplateFile {
  const required = [
    ...new Set(
      t.required
        .map((field) => (field in REQUIRED_FIELDS ? REQUIRED_FIELDS[field] : field))
        .filter((f): f is string => f !== null),
    ),
  ];
  const frontMatter = {
    title: t.title,
    channel: t.channel,
    required,
    ...(t.replySlip ? { replySlip: true } : {}),
    ...(t.layout ? { layout: t.layout } : {}),
    ...(t.input?.length ? { input: t.input.map((field) => ({ ...field })) } : {}),
    ...(t.purpose ? { purpose: t.purpose } : {}),
  };
  const body = NOTICE_FIELDS.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    t.body,
  );
  return {
    templateId: `${packId}/${t.name}`,
    packVersion: version,
    source: `---\n${stringify(frontMatter)}---\n${body}`,
  };
}

/**
 * The NoticeTemplateSource port from the tenant's pinned snapshot: `<pack>/<template>`
 * resolves only for the pack the tenant runs, at the version it pinned, whatever
 * policies/ holds today.
 */
@Injectable()
export class PackSnapshotTemplateSource extends NoticeTemplateSource {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async find(tenantId: string, templateId: string): Promise<NoticeTemplateFile | undefined> {
    const view = await this.tx.run(tenantId, (em) => this.packs.active(em, tenantId));
    if (!view) return undefined;
    const [packId, name] = templateId.split('/');
    if (packId !== view.pack.id || !name) return undefined;
    const template = Object.prototype.hasOwnProperty.call(view.pack.templates, name)
      ? view.pack.templates[name]
      : undefined;
    return template ? templateFile(view.pack.id, view.pack.version, template) : undefined;
  }
}
