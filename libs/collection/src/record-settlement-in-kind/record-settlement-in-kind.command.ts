import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface RecordSettlementInKindInput {
  readonly caseId: string;
  /** The asset taken (篇五: 实物抵债), e.g. '东方红LX904拖拉机一台, 车架号…'. */
  readonly asset: string;
  readonly appraisalValue: string;
  readonly appraisedOn?: string;
  /** 资产所有权转移登记: when title passed to the creditor. */
  readonly titleTransferOn?: string;
  readonly notes?: string;
}

export class RecordSettlementInKind extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: RecordSettlementInKindInput,
  ) {
    super(meta);
  }
}
