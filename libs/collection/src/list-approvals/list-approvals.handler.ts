import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import { decodeCursor, encodeCursor, Page, pageSize, toPage } from '../domain/cursor';
import type { ApprovalSummary } from '../domain/read-models';
import { oneOf } from '../support/args';
import { isoInstant } from '../support/sql-values';
import { requirePermission, visibleCasesSql } from '@qingshou/core';
import { ListApprovals } from './list-approvals.query';

const CURSOR = 'approvals';

interface Row {
  id: string;
  case_id: string;
  kind: string;
  approver_role: string;
  status: string;
  payload: Record<string, unknown>;
  reason: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

@QueryHandler(ListApprovals)
export class ListApprovalsHandler implements IQueryHandler<ListApprovals, Page<ApprovalSummary>> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListApprovals): Promise<Page<ApprovalSummary>> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const status = oneOf(query.status, ['pending', 'approved', 'rejected'] as const, 'status');
    const size = pageSize(query.limit);
    const visible = visibleCasesSql(viewer);
    const everyRole = viewer.roles.includes('manager');
    const params: unknown[] = [
      query.tenantId,
      status,
      everyRole,
      JSON.stringify(viewer.roles),
      ...visible.params,
    ];
    let keyset = '';
    if (query.cursor) {
      const [requestedAt, id] = decodeCursor(CURSOR, query.cursor, 2);
      keyset = 'and (a.requested_at, a.id) > (?::timestamptz, ?::uuid)';
      params.push(requestedAt, id);
    }
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Row[]>(
        `select a.id, a.case_id, a.kind, a.approver_role, a.status, a.payload, a.reason,
                a.requested_by, a.requested_at, a.decided_by, a.decided_at
         from approvals a join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         where a.tenant_id = ? and a.status = ?
           and (?::boolean or a.approver_role in (select jsonb_array_elements_text(?::jsonb)))
           and ${visible.sql} ${keyset}
         order by a.requested_at, a.id
         limit ${size + 1}`,
        params,
      );
      return toPage(rows, size, toSummary, (row) =>
        encodeCursor(CURSOR, [isoInstant(row.requested_at) as string, row.id]),
      );
    });
  }
}

function toSummary(row: Row): ApprovalSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    approverRole: row.approver_role,
    status: row.status,
    payload: row.payload,
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: isoInstant(row.requested_at) as string,
    decidedBy: row.decided_by,
    decidedAt: isoInstant(row.decided_at),
  };
}
