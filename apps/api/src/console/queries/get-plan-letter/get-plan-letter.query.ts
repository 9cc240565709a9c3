import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** The 分期还款协议书 of one plan, rendered from the tenant's pack template (HTML, A4). */
export class GetPlanLetter extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly planId: string,
  ) {
    super(meta);
  }
}
