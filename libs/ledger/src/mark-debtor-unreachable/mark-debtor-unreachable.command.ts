import { ActorCommand, ActorMeta } from '@qingshou/core';

/** 失联: no phone or address reaches the case's debtor any more (issue 11 §2). */
export class MarkDebtorUnreachable extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
