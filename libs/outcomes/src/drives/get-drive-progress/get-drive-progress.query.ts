import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { TargetView } from '../../kpi/targets/evaluate-targets';
import type { LocalizedText } from '@qingshou/policy';

/**
 * Where a launched drive stands as of a date: per phase and per group of its cases.
 * `fromSnapshot`: the recovered arrears and the phase targets' figures from the night's
 * drive snapshot where it answers (the dashboard; see SnapshotDriveFigures), else each is
 * computed live as the API, reports and publications want it.
 */
export class GetDriveProgress extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
    readonly asOf?: string,
    readonly fromSnapshot = false,
  ) {
    super(meta);
  }
}

export interface Tally {
  readonly done: number;
  readonly total: number;
}

export interface PhaseProgress {
  readonly key: string;
  readonly names: LocalizedText;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly state: 'upcoming' | 'current' | 'ended';
  readonly tasks: Tally;
  readonly deliverables: Tally;
  /** Arrears recovered on the drive's accounts within the phase, up to the date. */
  readonly recovered: string;
  /** The phase's targets over the phase's dates: at risk while it runs, met or missed after. */
  readonly targets: TargetView[];
}

export interface GroupPhaseProgress {
  readonly key: string;
  readonly tasks: Tally;
  readonly deliverables: Tally;
  readonly recovered: string;
}

export interface GroupProgress {
  readonly groupType: string;
  readonly groupId: string;
  readonly groupCode: string;
  readonly groupName: string;
  readonly phases: GroupPhaseProgress[];
}

export interface DriveProgress {
  readonly drive: {
    readonly id: string;
    readonly key: string;
    readonly names: LocalizedText;
    readonly launchDate: string;
    readonly endsOn: string;
    readonly packVersion: string;
  };
  readonly asOf: string;
  readonly currentPhase: string | null;
  readonly cases: number;
  readonly phases: PhaseProgress[];
  readonly groups: GroupProgress[];
  /** When the oldest night figure shown was computed (ISO); null when all are live. */
  readonly figuresAt: string | null;
}
