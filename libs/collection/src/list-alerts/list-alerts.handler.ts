import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import { decodeCursor, encodeCursor, Page, pageSize, toPage } from '../domain/cursor';
import { ALERT_STATES } from '../entities/alert.entity';
import { codeArg, oneOf } from '../support/args';
import { isoInstant } from '../support/sql-values';
import { visibleAlertsSql } from './alert-access';
import { AlertSummary, ListAlerts } from './list-alerts.query';

const CURSOR = 'alerts';

interface Row {
  id: string;
  kind: string;
  state: AlertSummary['state'];
  task_id: string;
  case_id: string;
  task_kind: string;
  task_title: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  debtor_name: string;
  addressed_role: string;
  addressed_user_id: string | null;
  due_at: string;
  detected_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  acknowledge_note: string | null;
}

@QueryHandler(ListAlerts)
export class ListAlertsHandler implements IQueryHandler<ListAlerts, Page<AlertSummary>> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListAlerts): Promise<Page<AlertSummary>> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'alert.read');
    const state = oneOf(query.state, ALERT_STATES, 'state');
    const size = pageSize(query.limit);
    const visible = visibleAlertsSql(viewer);
    const params: unknown[] = [query.tenantId, state, ...visible.params];
    const byKind = query.taskKind ? 'and t.kind = ?' : '';
    if (query.taskKind) params.push(codeArg(query.taskKind, 'taskKind'));
    let keyset = '';
    if (query.cursor) {
      const [dueAt, id] = decodeCursor(CURSOR, query.cursor, 2);
      keyset = 'and (a.due_at, a.id) > (?::timestamptz, ?::uuid)';
      params.push(dueAt, id);
    }
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Row[]>(
        `select a.id, a.kind, a.state, a.task_id, a.case_id, t.kind as task_kind,
                t.title as task_title, t.assignee_id, u.display_name as assignee_name,
                d.name as debtor_name, a.addressed_role, a.addressed_user_id,
                a.due_at, a.detected_at, a.acknowledged_by, a.acknowledged_at, a.acknowledge_note
         from alerts a
         join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         left join users u on u.tenant_id = t.tenant_id and u.id = t.assignee_id
         where a.tenant_id = ? and a.state = ? and ${visible.sql} ${byKind} ${keyset}
         order by a.due_at, a.id
         limit ${size + 1}`,
        params,
      );
      return toPage(rows, size, toSummary, (row) =>
        encodeCursor(CURSOR, [isoInstant(row.due_at) as string, row.id]),
      );
    });
  }
}

function toSummary(row: Row): AlertSummary {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    taskId: row.task_id,
    caseId: row.case_id,
    taskKind: row.task_kind,
    taskTitle: row.task_title,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    debtorName: row.debtor_name,
    addressedRole: row.addressed_role,
    addressedUserId: row.addressed_user_id,
    dueAt: isoInstant(row.due_at) as string,
    detectedAt: isoInstant(row.detected_at) as string,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: isoInstant(row.acknowledged_at),
    acknowledgeNote: row.acknowledge_note,
  };
}
