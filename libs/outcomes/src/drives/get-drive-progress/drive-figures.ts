import { EntityManager } from '@mikro-orm/postgresql';
import type { MetricCalculator } from '../../kpi/metrics/metric-calculator';
import type { FigureSource } from '../../kpi/targets/snapshot-figures';
import { type ProgressScope, recoveredCells, type RecoveredRow } from './progress.sql';

/**
 * Where a drive's costly figures come from — the arrears recovered per phase and the figures
 * its phase targets judge, each a statement over the tenant's whole book: computed now
 * (LiveDriveFigures), recorded by the night (RecordedDriveFigures) or read from it
 * (SnapshotDriveFigures). The items ticked off are always read as they stand.
 */
export interface DriveFigures {
  recovered(em: EntityManager, scope: ProgressScope): Promise<RecoveredRow[]>;
  /** The figures the phase's targets judge over the phase's dates. */
  phase(phaseKey: string): FigureSource;
  /** When the oldest night figure used was computed; null when all were computed now. */
  readonly computedAt: Date | null;
}

/** Every figure computed now: the API, reports and publications. */
export class LiveDriveFigures implements DriveFigures {
  readonly computedAt = null;

  constructor(private readonly calculator: MetricCalculator) {}

  recovered(em: EntityManager, scope: ProgressScope): Promise<RecoveredRow[]> {
    return recoveredCells(em, scope);
  }

  phase(): FigureSource {
    return this.calculator;
  }
}
