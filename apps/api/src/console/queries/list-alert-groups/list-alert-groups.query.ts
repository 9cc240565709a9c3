import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface AlertGroup {
  /** The task kind whose SLA passed (call, visit, assign…): the rule the group is named by. */
  readonly taskKind: string;
  readonly count: number;
  /** The oldest breached SLA of the group. */
  readonly oldestDueAt: string;
}

/**
 * The open SLA alerts the viewer sees, grouped by the kind of task whose time limit passed
 * (电话催收开始时限 · 12 件), largest group first: the supervisor opens one group at a time
 * instead of scrolling 100 near-identical rows.
 */
export class ListAlertGroups extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
