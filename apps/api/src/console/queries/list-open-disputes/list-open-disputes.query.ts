import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** An undecided 异议 the viewer may decide, as the approvals inbox lists it. */
export interface OpenDisputeRow {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly accountRef: string;
  readonly kind: string;
  readonly raisedOn: string;
  readonly dueOn: string | null;
  readonly decidedByRole: string;
  readonly raisedBy: string | null;
}

/** The open disputes whose named role the viewer holds (a manager: all), on visible cases. */
export class ListOpenDisputes extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly limit = 100,
  ) {
    super(meta);
  }
}
