import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Places or lifts an explicit legal hold on a case (诉讼, a regulator's or the client's
 * request): retention leaves a held case whole. An open legal matter holds a case anyway.
 */
export class SetLegalHold extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly hold: boolean,
    readonly reason?: string,
  ) {
    super(meta);
  }
}

export interface LegalHoldView {
  readonly caseId: string;
  readonly legalHold: boolean;
  readonly reason: string | null;
}
