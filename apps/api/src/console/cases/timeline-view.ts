import type { TimelineEntry } from '@qingshou/collection';
import type { PackVocabulary } from '@qingshou/policy';
import { codeName, formatMoney } from '../render/helpers';
import type { PageContext } from '../render/page-context';
import { hasMessage, translateCode } from '../i18n/i18n';

export interface TimelineLine {
  readonly at: string;
  readonly kind: string;
  readonly headline: string;
  readonly detail: string | null;
  readonly mine: boolean;
  /** Who did it, where the line should say so: the debtor on their own page. */
  readonly actor: string | null;
}

/** The actor id the debtor's page records its steps under (libs/self-service debtorActorId). */
const DEBTOR_ACTOR = 'debtor-self:';

/** Code → words, for the codes a pack declares itself. */
export interface ContactCodeLabels {
  readonly results: Readonly<Record<string, string>>;
  readonly reasons: Readonly<Record<string, string>>;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

/**
 * Why an approval was asked, in words: the engine's own request (a letter held for its
 * pack gate) carries an English note for the log, so the page words it from its payload.
 */
function approvalReason(page: PageContext, d: Record<string, unknown>): string | null {
  const payload = (d.payload ?? {}) as Record<string, unknown>;
  if (payload.source === 'policy-engine') return page.t('timeline.approval.engineGate');
  return text(d.reason);
}

/**
 * What a completed task recorded (issue 11 §4): its kind, a visit's result and address, the
 * note; the linked contact or notice is on the timeline itself.
 */
function taskOutcome(page: PageContext, d: Record<string, unknown>): string | null {
  const p = (d.payload ?? {}) as Record<string, unknown>;
  const ref = (p.ref ?? {}) as Record<string, unknown>;
  const kind = text(p.kind);
  const result = text(p.result);
  return (
    [
      kind ? translateCode(page.lang, 'task.kind', kind) : null,
      result ? translateCode(page.lang, 'task.visitResult', result) : null,
      text(ref.address),
      ref.contactId ? page.t('timeline.taskLinkedContact') : null,
      text(p.note),
    ]
      .filter(Boolean)
      .join(' · ') || null
  );
}

/**
 * What an event was about, named (设置标记：失联, 进入新阶段：上门催收, 审批决定：减免，同意):
 * from its payload, through the catalogue or the pack's vocabulary. A code neither names
 * is left out (null), so the generic line stands rather than a raw code.
 */
function eventHeadline(
  page: PageContext,
  vocab: PackVocabulary | null,
  type: string,
  payload: Record<string, unknown>,
): string | null {
  const named = (prefix: string, value: unknown): string | null => {
    const raw = text(value);
    if (!raw) return null;
    const name = codeName(page.lang, vocab, prefix, raw);
    return name === raw ? null : name;
  };
  switch (type) {
    case 'FlagSet':
    case 'FlagCleared': {
      const flag = named('flag', payload.flag);
      if (!flag) return null;
      return page.t(type === 'FlagSet' ? 'timeline.flagSet' : 'timeline.flagCleared', { flag });
    }
    case 'StageEntered': {
      const stage = named('stage', payload.to);
      return stage ? page.t('timeline.stageEntered', { stage }) : null;
    }
    case 'ApprovalDecided': {
      const kind = named('approval.kind', payload.kind);
      const decision = named('approval.decision', payload.decision);
      return kind && decision ? page.t('timeline.approvalDecided', { kind, decision }) : null;
    }
    case 'PlanProposed': {
      // 提出还款计划：总额 ¥13,200.00，首付 ¥1,200.00，分 12 期.
      const instalments = Array.isArray(payload.instalments) ? payload.instalments : [];
      const count = instalments.filter((i) => Number((i as { seq?: unknown }).seq) > 0).length;
      if (!text(payload.total)) return null;
      return page.t('timeline.planProposed', {
        total: formatMoney(payload.total),
        down: formatMoney(payload.downPayment ?? '0.00'),
        count: String(count),
      });
    }
    case 'PlanBroken': {
      const on = text(payload.brokenOn);
      if (!on) return null;
      const seq = Number(payload.missedInstalment);
      return page.t(payload.waiverWithdrawn ? 'timeline.planBrokenWaiver' : 'timeline.planBroken', {
        on,
        nth: seq > 0 ? `第${seq}期` : '首付',
      });
    }
    default:
      return null;
  }
}

/** One line per timeline entry in the page's language; the data is only read, never trusted as HTML. */
export function timelineLines(
  page: PageContext,
  entries: readonly TimelineEntry[],
  /** The pack's result codes and overdue causes in words (the catalogue's otherwise). */
  labels: ContactCodeLabels = { results: {}, reasons: {} },
  /** The pack's names for its own approval kinds (应收账款与销售财务核对). */
  vocab: PackVocabulary | null = null,
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
            kind: codeName(page.lang, vocab, 'approval.kind', entry.type),
            status: code('approval.status', d.status),
          });
          detail =
            [approvalReason(page, d), text(d.decisionNote)].filter(Boolean).join(' · ') || null;
          break;
        case 'cost':
          headline = page.t('timeline.cost', {
            category: code('cost.category', entry.type),
            amount: formatMoney(d.amount),
          });
          detail = text(d.voucherRef);
          break;
        default:
          // An event type the catalogue lacks is named generically, never by its code.
          headline =
            eventHeadline(page, vocab, entry.type, (d.payload ?? {}) as Record<string, unknown>) ??
            (hasMessage(`event.${entry.type}`) ? code('event', entry.type) : page.t('event.other'));
          if (entry.type === 'TaskCompleted') detail = taskOutcome(page, d);
      }
      return {
        at: entry.at,
        kind: entry.kind,
        headline,
        detail,
        mine: entry.actorId === page.user.userId,
        // 债务人本人（自助页面）: a step the debtor took on their page, not a user's.
        actor: entry.actorId?.startsWith(DEBTOR_ACTOR) ? page.t('timeline.debtorSelf') : null,
      };
    })
    .reverse();
}
