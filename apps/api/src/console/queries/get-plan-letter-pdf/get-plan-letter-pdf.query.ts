import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** The 分期还款协议书 of one plan as an A4 PDF printed on the server (下载PDF). */
export class GetPlanLetterPdf extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly planId: string,
  ) {
    super(meta);
  }
}
