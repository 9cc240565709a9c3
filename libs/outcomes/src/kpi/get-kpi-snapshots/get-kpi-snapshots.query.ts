import { ActorMeta, ActorQuery } from '@qingshou/core';

/** The stored daily figures of one metric between two dates (default: the last 30 days). */
export class GetKpiSnapshots extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly metric: string,
    readonly from?: string,
    readonly to?: string,
    readonly groupType?: string,
  ) {
    super(meta);
  }
}

export interface KpiSnapshotPoint {
  readonly asOf: string;
  readonly args: Record<string, unknown>;
  readonly groupType: string;
  readonly groupId: string;
  readonly groupCode: string | null;
  readonly groupName: string | null;
  readonly value: string | null;
  readonly display: string | null;
  readonly numerator: string | null;
  readonly denominator: string | null;
}

export interface KpiSnapshotsView {
  readonly metric: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  readonly points: KpiSnapshotPoint[];
}
