import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { ConflictError, DomainError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus, LEGAL_STEPS, MATTER_CLOSING_STEPS } from '../domain/vocabulary';
import type { Case } from '../entities/case.entity';
import { CaseCost } from '../entities/cost.entity';
import { LegalEvent, LegalMatter } from '../entities/legal.entity';
import { FileStorage } from '../storage/file-storage';
import { storeCaseAttachment } from '../storage/store-attachment';
import { codeArg, dateArg, invalidArgument, moneyArg, oneOf, textArg } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { RecordLegalStep, RecordLegalStepResult } from './record-legal-step.command';

/**
 * The court path. Filing needs an approved legal-referral (篇五 第十三条 7: 依案情与诉讼审批
 * 程序 … 立案), opens the legal matter and moves the case to 'legal'; later steps need it open.
 */
@CommandHandler(RecordLegalStep)
export class RecordLegalStepHandler implements ICommandHandler<
  RecordLegalStep,
  RecordLegalStepResult
> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly storage: FileStorage,
  ) {}

  execute(command: RecordLegalStep): Promise<RecordLegalStepResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'legal-step.record');
    const input = command.input;
    const step = oneOf(input.step, LEGAL_STEPS, 'step');
    const amount = input.amount ? moneyArg(input.amount, 'amount') : null;
    const details = textArg(input.details, 'details', 4000);
    const cost = input.cost
      ? {
          category: codeArg(input.cost.category, 'cost.category'),
          amount: moneyArg(input.cost.amount, 'cost.amount'),
          voucherRef: textArg(input.cost.voucherRef, 'cost.voucherRef', 128),
        }
      : null;
    return this.tx.run(command, async (w) => {
      const occurredOn = input.occurredOn ? dateArg(input.occurredOn, 'occurredOn') : w.today;
      if (compareLocalDates(occurredOn, w.today) > 0)
        invalidArgument('occurredOn', 'must not be after today');
      const found = await w.loadCase(input.caseId);
      const matter =
        step === 'filing'
          ? await this.file(w, found, occurredOn)
          : await this.openMatter(w, found.id);
      matter.court = textArg(input.court, 'court', 200) ?? matter.court;
      matter.courtCaseNumber =
        textArg(input.courtCaseNumber, 'courtCaseNumber', 100) ?? matter.courtCaseNumber;
      matter.lawyer = textArg(input.lawyer, 'lawyer', 200) ?? matter.lawyer;
      // 撤诉 / 结案 end the matter; the case stays where it is (closing it is its own act).
      if (MATTER_CLOSING_STEPS.includes(step)) matter.status = 'closed';
      const attachment = input.file
        ? await storeCaseAttachment(w, this.storage, found.id, input.file)
        : null;
      const legalEventId = randomUUID();
      w.em.create(LegalEvent, {
        tenantId: w.tenantId,
        id: legalEventId,
        legalMatterId: matter.id,
        step,
        occurredOn,
        amount,
        details,
        attachmentId: attachment?.id ?? null,
        recordedBy: command.actorId,
        recordedAt: w.now,
      });
      const costId = cost ? randomUUID() : null;
      if (cost && costId) {
        w.em.create(CaseCost, {
          tenantId: w.tenantId,
          id: costId,
          caseId: found.id,
          legalMatterId: matter.id,
          ...cost,
          incurredOn: occurredOn,
          approved: viewer.roles.some((role) => role === 'finance' || role === 'manager'),
          recordedBy: command.actorId,
          recordedAt: w.now,
        });
      }
      const before = found.snapshot();
      if (step === 'filing') found.status = 'legal';
      const payload = {
        legalMatterId: matter.id,
        legalEventId,
        step,
        occurredOn,
        amount,
        court: matter.court,
        courtCaseNumber: matter.courtCaseNumber,
        lawyer: matter.lawyer,
        cost,
        attachment,
        matterStatus: matter.status,
      };
      await w.append([
        w.caseEvent('LegalStepRecorded', found.id, payload, before, found.snapshot()),
      ]);
      return {
        legalMatterId: matter.id,
        legalEventId,
        costId,
        attachmentId: attachment?.id ?? null,
      };
    });
  }

  private async file(w: CaseWork, found: Case, filedOn: string): Promise<LegalMatter> {
    if (isClosedStatus(found.status))
      throw new ConflictError(`Case ${found.id} is ${found.status}`);
    if (found.status === 'paused') throw new ConflictError('Resume the case before filing');
    const referral = await w.em.execute(
      `select 1 from approvals where tenant_id = ? and case_id = ? and kind = 'legal-referral'
         and status = 'approved' limit 1`,
      [w.tenantId, found.id],
    );
    if (referral.length === 0) {
      throw new DomainError(
        'legal-referral-required',
        'Filing needs an approved legal-referral for this case',
      );
    }
    if (
      await w.em.findOne(LegalMatter, { tenantId: w.tenantId, caseId: found.id, status: 'open' })
    ) {
      throw new ConflictError('This case already has an open legal matter');
    }
    return w.em.create(LegalMatter, {
      tenantId: w.tenantId,
      id: randomUUID(),
      caseId: found.id,
      status: 'open',
      filedOn,
      createdBy: w.command.actorId,
      createdAt: w.now,
    });
  }

  private async openMatter(w: CaseWork, caseId: string): Promise<LegalMatter> {
    const matter = await w.em.findOne(LegalMatter, {
      tenantId: w.tenantId,
      caseId,
      status: 'open',
    });
    if (!matter)
      throw new DomainError('no-legal-matter', 'Record the filing (立案) before later legal steps');
    return matter;
  }
}
