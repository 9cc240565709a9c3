import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface CaseFilterChoices {
  /** People holding at least one case the viewer sees (the 催收员 filter). */
  readonly assignees: { id: string; name: string }[];
  readonly teams: { id: string; name: string }[];
  /** Debtor groups (village, school, employer, dealer…) of the cases the viewer sees. */
  readonly groups: { id: string; type: string; name: string }[];
}

/**
 * What the case pool's filters offer: only names drawn from cases the viewer may see, so a
 * collector's list of villages or colleagues does not reveal other people's work.
 */
export class ListCaseFilterChoices extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
