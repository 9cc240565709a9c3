import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { CaseDetail, ContactChannel, ContactParty, GetCase } from '@qingshou/collection';
import { hasPermission, Viewer } from '@qingshou/core';
import {
  ContactWindow,
  GetContactWindows,
} from '../queries/get-contact-windows/get-contact-windows.query';
import {
  CaseLetterChoices,
  ListCaseLetterTemplates,
} from '../queries/list-case-letter-templates/list-case-letter-templates.query';
import {
  CaseDeadline,
  ListCaseDeadlines,
} from '../queries/list-case-deadlines/list-case-deadlines.query';
import { ConsoleViews } from '../render/console-views';
import { PageContext } from '../render/page-context';
import {
  ContactFormTerms,
  GetContactTerms,
} from '../queries/get-contact-terms/get-contact-terms.query';
import { CASE_CODES, CaseForms } from './case-forms';
import { contactChoices, contactFormShown, contactLabels } from './contact-form';
import { freshLetterState, letterPanel, LetterState } from './case-letter-form';
import { timelineLines } from './timeline-view';

const ASKED: { channel: ContactChannel; party: ContactParty }[] = [
  { channel: 'call', party: 'debtor' },
  { channel: 'visit', party: 'debtor' },
];

export interface CasePageExtras {
  /** A contact the pack's contact rules refused: the rule and when it is next allowed. */
  readonly refusal?: ContactWindow | null;
  /** The 开具通知书 panel's state (fresh when absent). */
  readonly letter?: LetterState;
  /** The letter choices already read for this request (read again when absent). */
  readonly letterChoices?: CaseLetterChoices;
}

/**
 * The case page's model (debtor, accounts, timeline, the forms of the day's work and the
 * letter panel), shared by the controllers that answer with the case page.
 */
@Injectable()
export class CasePageModel {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly views: ConsoleViews,
  ) {}

  /** The letters a person may issue on the case (404 when the case is not theirs). */
  letterChoices(page: PageContext, caseId: string): Promise<CaseLetterChoices> {
    return this.queries.execute<ListCaseLetterTemplates, CaseLetterChoices>(
      new ListCaseLetterTemplates(page.meta(), caseId),
    );
  }

  async build(page: PageContext, id: string, forms: CaseForms, extras: CasePageExtras = {}) {
    const detail = await this.queries.execute<GetCase, CaseDetail>(new GetCase(page.meta(), id));
    const windows = await this.queries.execute<GetContactWindows, ContactWindow[]>(
      new GetContactWindows(page.meta(), id, ASKED),
    );
    const vocab = await this.views.vocabularyOf(page);
    const terms = await this.queries.execute<GetContactTerms, ContactFormTerms>(
      new GetContactTerms(page.meta()),
    );
    // 法定期限 of the case's delivered notices (催缴通知书: 30 days from signed receipt).
    const deadlines = hasPermission(
      { userId: page.user.userId, roles: page.user.roles },
      'notice.read',
    )
      ? await this.queries.execute<ListCaseDeadlines, CaseDeadline[]>(
          new ListCaseDeadlines(page.meta(), id),
        )
      : [];
    const contactForm = contactFormShown(forms.contact, terms, {
      now: this.clock.now(),
      overdueReasonCode: detail.overdueReasonCode,
    });
    // What the page offers follows the core matrix (the handlers refuse the rest anyway).
    const viewer: Viewer = { userId: page.user.userId, roles: page.user.roles };
    const mayIssue = hasPermission(viewer, 'notice.issue');
    let letter: ReturnType<typeof letterPanel> | null = null;
    if (mayIssue) {
      const choices = extras.letterChoices ?? (await this.letterChoices(page, id));
      letter = letterPanel(page.lang, id, choices, extras.letter ?? freshLetterState(choices));
    }
    return {
      title: 'case.title',
      case: {
        ...detail,
        assignee: detail.assignee ?? null,
        mine: detail.assignee?.id === page.user.userId,
      },
      accounts: detail.accounts,
      deadlines,
      counting: counting(detail, vocab.countInstallments === true),
      openTasks: detail.openTasks.map((t) => ({ ...t, mine: t.assigneeId === page.user.userId })),
      timeline: timelineLines(page, detail.timeline, contactLabels(page.lang, terms), vocab),
      windows,
      refusal: extras.refusal ?? null,
      forms: { ...forms, contact: contactForm },
      contactChoices: contactChoices(page.lang, terms),
      // The pack's own approval kinds (篇一's visit plan to the EVP, 篇八's extension) too.
      codes: {
        ...CASE_CODES,
        approvalKinds: [
          ...new Set([...CASE_CODES.approvalKinds, ...Object.keys(vocab.approvalKinds)]),
        ],
      },
      letter,
      flash: null as string | null,
      may: {
        work: hasPermission(viewer, 'case.work'),
        promise: hasPermission(viewer, 'promise.record'),
        approval: hasPermission(viewer, 'approval.request'),
        cost: hasPermission(viewer, 'cost.add'),
        letter: mayIssue,
      },
    };
  }
}

/**
 * How the office counts the case (issue 13 §4), from its worst account (the highest DPD):
 * 账龄 by the pack's buckets, 五级分类, and 连续/累计逾期期数 (the largest of its accounts)
 * where the pack counts arrears in 期.
 */
function counting(detail: CaseDetail, countInstallments: boolean) {
  const worst = [...detail.accounts].sort((a, b) => (b.dpd ?? 0) - (a.dpd ?? 0))[0];
  const counted = detail.accounts.flatMap((a) =>
    a.overdueInstallments ? [a.overdueInstallments] : [],
  );
  return {
    agingBucket: worst?.agingBucket ?? null,
    loanClass: worst?.loanClass ?? null,
    installments:
      countInstallments && counted.length > 0
        ? {
            consecutive: Math.max(...counted.map((c) => c.consecutive)),
            cumulative: Math.max(...counted.map((c) => c.cumulative)),
          }
        : null,
  };
}

export type CasePage = Awaited<ReturnType<CasePageModel['build']>>;
