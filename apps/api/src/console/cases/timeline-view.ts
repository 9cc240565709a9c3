import type { TimelineEntry } from '@qingshou/collection';
import { formatMoney } from '../render/helpers';
import type { PageContext } from '../render/page-context';
import { translateCode } from '../i18n/i18n';

export interface TimelineLine {
  readonly at: string;
  readonly kind: string;
  readonly headline: string;
  readonly detail: string | null;
  readonly mine: boolean;
}

/** Code → words, for the codes a pack declares itself. */
export interface ContactCodeLabels {
  readonly results: Readonly<Record<string, string>>;
  readonly reasons: Readonly<Record<string, string>>;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

/** One line per timeline entry in the page's language; the data is only read, never trusted as HTML. */
export function timelineLines(
  page: PageContext,
  entries: readonly TimelineEntry[],
  /** The pack's result codes and overdue causes in words (the catalogue's otherwise). */
  labels: ContactCodeLabels = { results: {}, reasons: {} },
): TimelineLine[] {
  const code = (prefix: string, value: unknown) =>
    translateCode(page.lang, prefix, String(value ?? ''));
  return entries
    .map((entry) => {
      const d = entry.data;
      let headline: string;
      let detail: string | null = null;
      switch (entry.kind) {
        case 'contact': {
          headline = page.t('timeline.contact', {
            channel: code('contact.channel', entry.type),
            party: code('contact.party', d.party),
            outcome:
              labels.results[String(d.outcomeCode)] ?? code('contact.outcome', d.outcomeCode),
          });
          const attachment = d.attachment as { originalName?: string } | null;
          const reason = text(d.overdueReasonCode);
          const followUpOn = text(d.followUpOn);
          detail =
            [
              reason
                ? page.t('timeline.contactReason', { reason: labels.reasons[reason] ?? reason })
                : null,
              followUpOn ? page.t('timeline.contactFollowUp', { on: followUpOn }) : null,
              text(d.notes),
              attachment?.originalName ? `📎 ${attachment.originalName}` : null,
            ]
              .filter(Boolean)
              .join(' · ') || null;
          break;
        }
        case 'promise':
          headline = page.t('timeline.promise', {
            amount: formatMoney(d.amount),
            dueOn: String(d.dueOn ?? ''),
            status: code('promise.status', entry.type),
          });
          detail = text(d.notes);
          break;
        case 'approval':
          headline = page.t('timeline.approval', {
            kind: code('approval.kind', entry.type),
            status: code('approval.status', d.status),
          });
          detail = [text(d.reason), text(d.decisionNote)].filter(Boolean).join(' · ') || null;
          break;
        case 'cost':
          headline = page.t('timeline.cost', {
            category: code('cost.category', entry.type),
            amount: formatMoney(d.amount),
          });
          detail = text(d.voucherRef);
          break;
        default:
          headline = code('event', entry.type);
      }
      return {
        at: entry.at,
        kind: entry.kind,
        headline,
        detail,
        mine: entry.actorId === page.user.userId,
      };
    })
    .reverse();
}
