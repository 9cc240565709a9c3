import type { PackData } from '@qingshou/policy';

/** The pack's ladder as the engine reads it from the pinned snapshot. */
export type StageData = PackData['stages'][number];
export type ActionData = StageData['do'][number];
export type ConditionData = StageData['when'];

// The facts conditions read are defined with the conditions, in the pack lib.
export type { AmountFacts, CaseFacts, ConditionExtensions, HistoryRow } from '@qingshou/policy';
