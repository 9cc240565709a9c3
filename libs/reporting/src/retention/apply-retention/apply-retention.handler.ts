import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, isLocalDate } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import type { RetentionData } from '../../document/report-data';
import { pinnedPack } from '@qingshou/outcomes';
import { StoredFileEraser } from '../stored-file-eraser';
import { ApplyRetention, RetentionResult } from './apply-retention.command';
import {
  anonymiseDebtors,
  clearCaseData,
  expiredCases,
  heldCases,
  uuidArray,
} from './retention.sql';

/** Cases per transaction: short locks, and one RetentionApplied event per batch. */
const BATCH = 500;

type PolicyResult = RetentionResult['policies'][number];

/** The cut-off: closed on or before asOf minus the years (29 Feb counts back to 28 Feb). */
export function cutoffDate(asOf: string, years: number): string {
  const y = Number(asOf.slice(0, 4)) - years;
  const md = asOf.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * Both `from` events count from the case's closing date: `caseClosed` by definition, and
 * `agreementEnded` because an agency's cases end with the client agreement (篇八 退案: the
 * case is returned to the bank, status `returned`) — the platform records no other date.
 * Each batch commits on its own with its audit event; files are erased after the commit,
 * so a rollback never loses a recording (a crash in between leaves an orphan file only).
 */
@CommandHandler(ApplyRetention)
export class ApplyRetentionHandler implements ICommandHandler<ApplyRetention, RetentionResult> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly eraser: StoredFileEraser,
  ) {}

  async execute(command: ApplyRetention): Promise<RetentionResult> {
    requirePermission(viewerOf(command), 'retention.apply');
    if (!isLocalDate(command.asOf)) {
      throw new ValidationFailedError('asOf is not a date', [
        { path: 'asOf', reason: 'must be a date written YYYY-MM-DD' },
      ]);
    }
    const pack = await this.tx.run(command.tenantId, (em) => pinnedPack(em, command.tenantId));
    const policies: PolicyResult[] = [];
    for (const policy of pack.spec.retention) {
      policies.push(await this.applyPolicy(command, policy));
    }
    return { asOf: command.asOf, policies };
  }

  private async applyPolicy(command: ApplyRetention, policy: RetentionData): Promise<PolicyResult> {
    const cutoff = cutoffDate(command.asOf, Number(policy.years));
    const purge = policy.then !== 'anonymise';
    const anonymise = !purge || policy.data.includes('personal-data');
    const totals: Record<string, number> = {};
    let cases = 0;
    let debtors = 0;
    for (;;) {
      const batch = await this.tx.run(command.tenantId, async (em) => {
        const ids = await expiredCases(
          em,
          command.tenantId,
          policy.id,
          cutoff,
          policy.legalHold,
          BATCH,
        );
        if (ids.length === 0) return null;
        const { counts, storageKeys } = await clearCaseData(
          em,
          command.tenantId,
          ids,
          policy.data,
          purge,
        );
        const now = this.clock.now();
        await em.execute(
          `insert into retention_applications (tenant_id, case_id, policy_id, action, applied_on, counts, applied_at)
           select ?, unnest(?::uuid[]), ?, ?, ?::date, ?::jsonb, ?`,
          [
            command.tenantId,
            uuidArray(ids),
            policy.id,
            purge ? 'purge' : 'anonymise',
            command.asOf,
            JSON.stringify(counts),
            now,
          ],
        );
        const anonymised = anonymise
          ? await anonymiseDebtors(em, command.tenantId, ids, policy.id, command.asOf)
          : 0;
        await this.events.append(
          em,
          {
            tenantId: command.tenantId,
            actorId: command.actorId,
            correlationId: command.correlationId,
            occurredAt: now,
          },
          [
            {
              type: 'RetentionApplied',
              aggregateType: 'retention-policy',
              aggregateId: policy.id,
              payload: {
                policyId: policy.id,
                action: purge ? 'purge' : 'anonymise',
                data: policy.data,
                asOf: command.asOf,
                closedOnOrBefore: cutoff,
                caseIds: ids,
                counts: { ...counts, debtorsAnonymised: anonymised, files: storageKeys.length },
              },
            },
          ],
        );
        return { ids, counts, storageKeys, anonymised };
      });
      if (batch === null) break;
      await this.eraser.erase(batch.storageKeys);
      cases += batch.ids.length;
      debtors += batch.anonymised;
      for (const [k, v] of Object.entries(batch.counts)) totals[k] = (totals[k] ?? 0) + v;
      if (batch.ids.length < BATCH) break;
    }
    const heldBack = policy.legalHold
      ? await this.tx.run(command.tenantId, (em) =>
          heldCases(em, command.tenantId, policy.id, cutoff),
        )
      : 0;
    return {
      policyId: policy.id,
      action: purge ? 'purge' : 'anonymise',
      cases,
      heldBack,
      debtorsAnonymised: debtors,
      counts: totals,
    };
  }
}
