import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  assertCaseVisible,
  ConflictError,
  requirePermission,
  ValidationFailedError,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { IssuedNotice, IssueNotice } from '@qingshou/notices';
import { boundedKey } from '../apply/action-rows';
import type { ReadyNotice } from '../apply/notice-data';
import { CaseLetter, CaseLetters, checkLetterRequest } from '../case-notices/case-letter';
import { LetterApprovalRejectedError } from '../case-notices/letter-refusals';
import { holdGatedNotices } from '../gates/hold-notices';
import { issuerMeta, noticeInput } from '../run/notice-issuer';
import type { HeldNoticeOutcome } from '../run/run-context';
import { CaseNoticeHeld, CaseNoticeOutcome, IssueCaseNotice } from './issue-case-notice.command';

const KEY = /^[\x21-\x7e]{1,200}$/;
/** A stage id is a slug; a case on no rung is held under this one (printed as no stage). */
const NO_STAGE = 'none';

/**
 * Decides access (notice.issue; the case visible to the viewer, else 404 and nothing
 * written), prepares the letter as the engine does (CaseLetters), then either holds it
 * behind the pack's approval — the nightly run's hold-notices path, keeping the person's
 * input for when it is granted (NoticeGatesConsumer then issues it) — or issues it after
 * commit through the internal IssueNotice, whose key makes a repeat return the same letter.
 */
@CommandHandler(IssueCaseNotice)
export class IssueCaseNoticeHandler implements ICommandHandler<IssueCaseNotice, CaseNoticeOutcome> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly letters: CaseLetters,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: IssueCaseNotice): Promise<CaseNoticeOutcome> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'notice.issue');
    const request = command.letter;
    checkLetterRequest(request);
    if (typeof request.idempotencyKey !== 'string' || !KEY.test(request.idempotencyKey)) {
      throw new ValidationFailedError('The letter has 1 invalid field(s)', [
        {
          path: 'idempotencyKey',
          reason: 'must be 1–200 printable ASCII characters without spaces',
        },
      ]);
    }
    // A person's key lives in its own namespace: it can never take a key the engine will use.
    const key = boundedKey(`person:${request.caseId.toLowerCase()}:${request.idempotencyKey}`);
    const decided = await this.tx.run(command.tenantId, async (em) => {
      await assertCaseVisible(em, viewer, command.tenantId, request.caseId);
      const letter = await this.letters.prepare(em, command, request, key);
      if (letter.gate) {
        const held = await this.holdIfGated(em, command, letter);
        if (held) return { held };
      }
      return { letter, ready: await this.letters.data(em, letter, 'issue') };
    });
    if ('held' in decided) return decided.held as CaseNoticeHeld;
    const { letter, ready } = decided as { letter: CaseLetter; ready: ReadyNotice };
    const issued: IssuedNotice = await this.commands.execute(
      // Access was decided above; the rendered letter is the engine's to issue (system viewer).
      new IssueNotice(issuerMeta(command), {
        ...noticeInput(letter.ctx.pack, ready),
        issuedOn: letter.ctx.asOf,
      }),
    );
    return { status: 'issued', created: issued.created, notice: issued.notice };
  }

  /**
   * Held (new or earlier) → the hold; released → null (issue it: the key makes it the letter
   * the approval released); rejected → 409, the letter never goes out under this key.
   */
  private async holdIfGated(
    em: EntityManager,
    command: IssueCaseNotice,
    letter: CaseLetter,
  ): Promise<CaseNoticeHeld | null> {
    const { order, gate, ctx } = letter;
    const out: { held: HeldNoticeOutcome[] } = { held: [] };
    const orderable = await holdGatedNotices(
      em,
      ctx,
      [
        {
          key: order.key,
          source: 'person',
          caseId: order.caseId,
          debtorId: order.debtorId,
          action: { stage: order.stage || NO_STAGE },
          notice: { template: order.template, recipient: order.recipient, gate },
          input: letter.input,
        },
      ],
      out,
    );
    if (orderable.has(order.key)) return null;
    const [fresh] = out.held;
    if (fresh) {
      const payload = {
        caseId: order.caseId,
        template: order.template,
        recipient: order.recipient,
        idempotencyKey: order.key,
        approvalId: fresh.approvalId,
        approvalKind: fresh.approvalKind,
        letterDate: ctx.asOf,
        pack: ctx.pack.ref,
      };
      await this.events.append(em, { ...command, occurredAt: ctx.now }, [
        {
          type: 'NoticeHeld',
          aggregateType: 'case',
          aggregateId: order.caseId,
          payload,
          before: null,
          after: payload,
        },
      ]);
      return held(order.key, order.template, fresh.approvalId, fresh.approvalKind);
    }
    const [hold] = await em.execute<
      { template: string; status: string; approval_id: string; kind: string }[]
    >(
      `select h.template, h.status, h.approval_id, a.kind from engine_notice_holds h
       join approvals a on a.tenant_id = h.tenant_id and a.id = h.approval_id
       where h.tenant_id = ? and h.idempotency_key = ?`,
      [command.tenantId, order.key],
    );
    if (!hold || hold.template !== order.template) {
      throw new ConflictError(
        `Idempotency key ${command.letter.idempotencyKey} already names another letter of this case; use a new key`,
      );
    }
    if (hold.status === 'cancelled') {
      throw new LetterApprovalRejectedError(hold.kind, command.letter.idempotencyKey);
    }
    return held(order.key, order.template, hold.approval_id, hold.kind);
  }
}

function held(key: string, template: string, approvalId: string, kind: string): CaseNoticeHeld {
  return { status: 'held', idempotencyKey: key, approvalId, approvalKind: kind, template };
}
