import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { LocalizedText, PackData } from '@qingshou/policy';
import type { TargetStatus } from '../targets/judge';

/** A report the office files once a year and that judges targets: its 年度考核 (篇二/七). */
export const isAssessment = (report: PackData['reports'][number]): boolean =>
  report.schedule.every === 'year' && report.targets.length > 0;

/**
 * The year's assessment (篇二/七 年度考核) as of a date (default: today): each pack report that
 * judges targets once a year, with its targets and its other measures per breakdown.
 */
export class GetAssessment extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
    /** Read the night's figures where they answer exactly (the dashboard; SnapshotFigures). */
    readonly fromSnapshot = false,
  ) {
    super(meta);
  }
}

/** A column of the assessment: a target (judged against its bound) or a plain measure. */
export interface AssessmentColumn {
  readonly key: string;
  readonly names: LocalizedText;
  readonly unit: string;
  /** A target's bound as the office reads it ("5.00%") and which side it holds; else null. */
  readonly bound: { readonly display: string | null; readonly side: 'max' | 'min' | 'band' } | null;
}

export interface AssessmentCell {
  readonly display: string | null;
  /** Targets only: met / at-risk / missed / no-data, and the gap to the bound. */
  readonly status?: TargetStatus;
  readonly gapDisplay?: string | null;
}

export interface AssessmentRow {
  readonly groupId: string;
  readonly groupCode: string;
  readonly groupName: string;
  /** One per column, in the columns' order. */
  readonly cells: AssessmentCell[];
}

export interface AssessmentSection {
  /** tenant, or the report's breakdown (school, cohort…). */
  readonly groupType: string;
  readonly rows: AssessmentRow[];
}

export interface AssessmentReportView {
  readonly id: string;
  readonly names: LocalizedText;
  /** The assessed year so far (2026-01-01 ~ as of). */
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly columns: AssessmentColumn[];
  readonly sections: AssessmentSection[];
}

export interface AssessmentView {
  readonly asOf: string;
  /** When the oldest snapshot figure shown was computed (ISO); null when all are live. */
  readonly figuresAt: string | null;
  readonly reports: AssessmentReportView[];
}
