import { DrivesController } from './drives.controller';
import { IncentivesController } from './incentives.controller';
import { KpiController } from './kpi.controller';

/** The routes of targets, incentives, ratings, sanctions and drives, for PolicyApiModule. */
export const OUTCOME_CONTROLLERS = [KpiController, IncentivesController, DrivesController];
