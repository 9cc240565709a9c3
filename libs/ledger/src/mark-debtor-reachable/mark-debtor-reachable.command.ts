import { ActorCommand, ActorMeta } from '@qingshou/core';

/** 恢复联系: the case's debtor, marked 失联, is reached again (issue 11 §2, the reverse). */
export class MarkDebtorReachable extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
