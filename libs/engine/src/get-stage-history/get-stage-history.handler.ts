import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { GetStageHistory, StageHistory } from './get-stage-history.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read through the case visibility rule: a collector sees only their own cases' history. */
@QueryHandler(GetStageHistory)
export class GetStageHistoryHandler implements IQueryHandler<GetStageHistory, StageHistory> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetStageHistory): Promise<StageHistory> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    if (!UUID.test(query.caseId)) throw new NotFoundError('case', query.caseId);
    return this.tx.run(query.tenantId, async (em) => {
      const visible = visibleCasesSql(viewer);
      const [found] = await em.execute<
        { id: string; stage: string | null; pack_version: string | null }[]
      >(
        `select c.id, c.stage, c.pack_version from cases c
         where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!found) throw new NotFoundError('case', query.caseId);
      const rows = await em.execute<Record<string, string | number | null>[]>(
        `select from_stage, to_stage, as_of::text as as_of, pack_id, pack_version, effective_dpd,
                reason, recorded_at
         from case_stage_history where tenant_id = ? and case_id = ? order by seq`,
        [query.tenantId, query.caseId],
      );
      return {
        caseId: found.id,
        stage: found.stage,
        packVersion: found.pack_version,
        history: rows.map((r) => ({
          from: r.from_stage as string | null,
          to: r.to_stage as string | null,
          asOf: String(r.as_of),
          pack: `${r.pack_id}@${r.pack_version}`,
          effectiveDpd: Number(r.effective_dpd),
          reason: String(r.reason),
          recordedAt: new Date(
            String(r.recorded_at)
              .replace(' ', 'T')
              .replace(/([+-]\d{2})$/, '$1:00'),
          ).toISOString(),
        })),
      };
    });
  }
}
