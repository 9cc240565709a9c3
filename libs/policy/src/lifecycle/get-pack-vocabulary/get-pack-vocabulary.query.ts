import { ActorMeta, ActorQuery } from '@qingshou/core';

/** Names of the codes the tenant's pinned pack declares, so screens show 上门催收, not home-visit. */
export class GetPackVocabulary extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}

export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

/** Code → name per kind; empty maps when no pack is installed. */
export interface PackVocabulary {
  readonly stages: Readonly<Record<string, LocalizedName>>;
  readonly taskKinds: Readonly<Record<string, LocalizedName>>;
  readonly approvalKinds: Readonly<Record<string, LocalizedName>>;
  readonly flags: Readonly<Record<string, LocalizedName>>;
  /** Enum attributes (干部职工身份: 村干部…): name and value names, for the case pool filter. */
  /** The office counts arrears in 期 (classification.countInstallments): 连续/累计逾期期数 shown. */
  readonly countInstallments?: boolean;
  /** What the office calls a case holder (业务员), where the pack names it: 按业务员. */
  readonly collectorTitle?: LocalizedName;
  readonly attributes?: Readonly<
    Record<string, { name: LocalizedName; values: Readonly<Record<string, LocalizedName>> }>
  >;
}
