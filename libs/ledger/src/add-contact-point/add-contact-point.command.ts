import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { ContactPointKind, ContactPointSource } from '../contact-points/contact-point-codes';

export interface ContactPointInput {
  readonly kind: ContactPointKind;
  /** mobile / home-phone / work-phone; home / work / business / hukou */
  readonly subtype: string;
  readonly value: string;
  /** Default: collector (催收员新增). */
  readonly source?: ContactPointSource;
  /** Default: valid (有效). */
  readonly status?: string;
  /** A phone or address of one of the debtor's related parties (担保人, 父亲 …). */
  readonly relatedPartyId?: string | null;
}

/** A phone or address found while working a case (issue 11 §2), added to the case's debtor. */
export class AddContactPoint extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly point: ContactPointInput,
  ) {
    super(meta);
  }
}
