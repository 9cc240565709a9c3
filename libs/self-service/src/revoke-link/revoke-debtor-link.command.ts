import { ActorCommand, type ActorMeta } from '@qingshou/core';

/** 作废自助链接: the collector or the manager ends a link at once (a lost phone, a wrong number). */
export class RevokeDebtorLink extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly linkId: string,
  ) {
    super(meta);
  }
}
