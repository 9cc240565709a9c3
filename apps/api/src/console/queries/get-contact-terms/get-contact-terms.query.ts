import { ActorMeta, CollectionQuery, type ContactTerms, type Labelled } from '@qingshou/collection';

/** The contact form's terms: the pack's result codes, causes, recordings, back-dating. */
export interface ContactFormTerms extends ContactTerms {
  /** The causes the form offers (the pack's, else the platform's six of 篇六). */
  readonly reasonList: readonly Labelled[];
  /** The tenant's zone: the form's 联系时间 is a wall-clock time there. */
  readonly timeZone: string;
}

export class GetContactTerms extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
