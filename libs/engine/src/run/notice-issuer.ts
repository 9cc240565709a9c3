import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type ActorMeta, type CommandMeta, systemMeta } from '@qingshou/core';
import {
  IssuedNotice,
  IssuedNotices,
  IssueNotice,
  type IssueNoticeInput,
  IssueNotices,
} from '@qingshou/notices';
import type { ReadyNotice } from '../apply/notice-data';
import type { PackView } from '../domain/pack-view';

export interface IssueResult {
  issued: number;
  failures: { caseId: string; template: string; reason: string }[];
}

/** The raw IssueNotice of a ready notice: the pinned template, the pack's delivery rule. */
export function noticeInput(view: PackView, notice: ReadyNotice): IssueNoticeInput {
  return {
    templateId: `${view.pack.id}/${notice.template}`,
    debtorId: notice.debtorId,
    caseId: notice.caseId,
    idempotencyKey: notice.key,
    data: notice.data,
    deliveryRule: view.noticeDelivery(notice.template),
  };
}

/**
 * The engine issues a rendered letter as the system viewer (notice.issue-rendered is held by
 * no person), under the actor who caused it: whoever dispatched the run, the rule or the
 * approval decided their own access before the engine ordered the letter.
 */
export function issuerMeta(meta: CommandMeta): ActorMeta {
  return systemMeta({
    tenantId: meta.tenantId,
    actorId: meta.actorId,
    correlationId: meta.correlationId,
  });
}

/** Notices per IssueNotices: one transaction, insert and event append each. */
export const NOTICE_BATCH = 500;

/**
 * Issues the notices an evaluation, a rule or a released hold ordered, after their
 * transaction committed, through IssueNotices in batches (whose keys make a second issue a
 * no-op). A batch that fails as a whole (the database, not a letter) is retried one notice
 * at a time through IssueNotice, so one bad letter never holds back the others.
 */
@Injectable()
export class NoticeIssuer {
  private readonly logger = new Logger('PolicyEngine');

  constructor(private readonly commands: CommandBus) {}

  async issueAll(
    meta: CommandMeta,
    view: PackView,
    notices: readonly ReadyNotice[],
  ): Promise<IssueResult> {
    const result: IssueResult = { issued: 0, failures: [] };
    for (let i = 0; i < notices.length; i += NOTICE_BATCH) {
      const batch = notices.slice(i, i + NOTICE_BATCH);
      let issued: IssuedNotices;
      try {
        issued = await this.commands.execute(
          new IssueNotices(
            issuerMeta(meta),
            batch.map((n) => this.input(view, n)),
          ),
        );
      } catch (error) {
        this.logger.warn(`notice batch failed, issuing one by one: ${(error as Error).message}`);
        await this.issueOneByOne(meta, view, batch, result);
        continue;
      }
      issued.outcomes.forEach((outcome, k) => {
        if (outcome.created) result.issued += 1;
        else if (outcome.error !== null) {
          const notice = batch[k];
          this.logger.warn(`notice ${notice.key} not issued: ${outcome.error}`);
          result.failures.push({
            caseId: notice.caseId,
            template: notice.template,
            reason: outcome.error,
          });
        }
      });
    }
    return result;
  }

  private async issueOneByOne(
    meta: CommandMeta,
    view: PackView,
    notices: readonly ReadyNotice[],
    result: IssueResult,
  ): Promise<void> {
    for (const notice of notices) {
      const outcome = await this.issue(meta, view, notice);
      if (outcome === true) result.issued += 1;
      else if (outcome)
        result.failures.push({ caseId: notice.caseId, template: notice.template, reason: outcome });
    }
  }

  private input(view: PackView, notice: ReadyNotice): IssueNoticeInput {
    return noticeInput(view, notice);
  }

  /** true when issued now; a reason when the notice could not be rendered; false if it existed. */
  async issue(meta: CommandMeta, view: PackView, notice: ReadyNotice): Promise<boolean | string> {
    try {
      const result: IssuedNotice = await this.commands.execute(
        new IssueNotice(issuerMeta(meta), this.input(view, notice)),
      );
      return result.created;
    } catch (error) {
      // One letter that cannot render must not stop the run; it is reported and retried by
      // the next run of the date, since its key stays unissued.
      this.logger.warn(`notice ${notice.key} not issued: ${(error as Error).message}`);
      return (error as Error).message;
    }
  }
}
