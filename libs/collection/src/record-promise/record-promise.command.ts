import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface RecordPromiseInput {
  readonly caseId: string;
  /** Yuan, as a decimal string: '1000.00'. */
  readonly amount: string;
  readonly dueOn: string;
  /** The day the debtor promised (a signed statement may be entered later); default today. */
  readonly promisedOn?: string;
  /** Count payments to this account only; default every account of the case. */
  readonly accountId?: string;
  readonly notes?: string;
}

export class RecordPromise extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: RecordPromiseInput,
  ) {
    super(meta);
  }
}
