import { ActorMeta, CollectionQuery } from '../domain/collection-command';
import type { AlertState } from '../entities/alert.entity';

/** The caller's alerts, oldest breach first (it has waited longest); by default the open ones. */
export class ListAlerts extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly state: AlertState = 'open',
    readonly cursor?: string,
    readonly limit?: number,
    /** Only alerts on tasks of this kind (the supervisor opens one group at a time). */
    readonly taskKind?: string,
  ) {
    super(meta);
  }
}

export interface AlertSummary {
  readonly id: string;
  readonly kind: string;
  readonly state: AlertState;
  readonly taskId: string;
  readonly caseId: string;
  readonly taskKind: string;
  readonly taskTitle: string | null;
  readonly assigneeId: string | null;
  /** Who holds the task (the collector), by name; null: nobody yet. */
  readonly assigneeName: string | null;
  /** The case's debtor. */
  readonly debtorName: string;
  readonly addressedRole: string;
  readonly addressedUserId: string | null;
  /** The SLA instant that passed. */
  readonly dueAt: string;
  readonly detectedAt: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgeNote: string | null;
}
