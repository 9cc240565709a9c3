import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { CaseScope } from '../domain/vocabulary';

export interface OpenCaseInput {
  readonly debtorId: string;
  /** `debtor`: every account of the debtor; `account`: the one named (a pack setting). */
  readonly scope: CaseScope;
  readonly accountId?: string;
  readonly priority?: number;
  readonly overdueReasonCode?: string;
  readonly stage?: string;
  readonly packVersion?: string;
}

export class OpenCase extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: OpenCaseInput,
  ) {
    super(meta);
  }
}
