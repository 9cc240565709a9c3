import { createHash } from 'node:crypto';
import type { NoticeChannel } from '../rendering/front-matter';
import type { OutgoingMessage } from './delivery-adapter';

/** sha256(notice id ‖ channel ‖ recipient), the dispatch's idempotency key (hex). */
export function dispatchKey(noticeId: string, channel: string, recipient: string): string {
  return createHash('sha256').update(`${noticeId}\n${channel}\n${recipient}`, 'utf8').digest('hex');
}

export function messageIdFor(key: string): string {
  return `<${key}@notices.qingshou>`;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The notice's text for an SMS or an e-mail's plain part: block ends become line breaks,
 * table cells tabs, markup and the document head go, entities are decoded.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|section|main|header|footer|blockquote)\s*>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** A fragment (an SMS template has no layout) as a document a printer or mail client reads. */
export function asDocument(html: string, title: string): string {
  if (/^\s*<!doctype html/i.test(html) || /^\s*<html[\s>]/i.test(html)) return html;
  const safeTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${safeTitle}</title>\n</head>\n<body>\n${html}\n</body>\n</html>\n`;
}

/** A claimed dispatch with what its notice says. */
export interface ClaimedDispatch {
  readonly id: string;
  readonly noticeId: string;
  readonly channel: NoticeChannel;
  readonly recipient: string;
  readonly recipientName: string | null;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly title: string;
  readonly html: string;
}

/** Renders one batch of claimed dispatches into the messages the adapters send. */
export function renderMessages(
  tenantId: string,
  batch: readonly ClaimedDispatch[],
): OutgoingMessage[] {
  return batch.map((d) => ({
    tenantId,
    dispatchId: d.id,
    noticeId: d.noticeId,
    channel: d.channel,
    idempotencyKey: d.idempotencyKey,
    messageId: messageIdFor(d.idempotencyKey),
    recipient: d.recipient,
    recipientName: d.recipientName,
    title: d.title,
    html: asDocument(d.html, d.title),
    text: htmlToText(d.html),
  }));
}
