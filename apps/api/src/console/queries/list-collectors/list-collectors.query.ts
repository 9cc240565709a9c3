import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface CollectorOption {
  readonly id: string;
  readonly displayName: string;
  readonly username: string;
  /** Open cases assigned to them now (their load, for fair assignment). */
  readonly openCases: number;
}

/**
 * Whom the viewer may hand cases to: active phone and field collectors — for a supervisor,
 * those in their teams (AssignCase refuses the rest), for a manager, all of the tenant's.
 */
export class ListCollectors extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
