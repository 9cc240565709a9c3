import { compareLocalDates, type LocalDate } from '@qingshou/calendar';
import type { ActionName } from '@qingshou/policy';
import type {
  ActionData,
  CaseFacts,
  ConditionExtensions,
  HistoryRow,
  StageData,
} from './case-facts';
import { holds } from './conditions';
import { periodStart } from './timing';

export type MoveReason = 'escalated' | 'de-escalated' | 'entered' | 'caught-up' | 'cleared';

export interface StageMove {
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: MoveReason;
}

/** One action instance due on the date, with the key that makes firing it idempotent. */
export interface PlannedAction {
  /** `tenant:case:stage:action-index:period` — the same date twice gives the same key. */
  readonly key: string;
  readonly stage: string;
  readonly index: number;
  readonly name: ActionName;
  readonly args: Readonly<Record<string, unknown>>;
  /** The stage entry date (entry actions) or the start of the repetition period. */
  readonly period: LocalDate;
  readonly repeating: boolean;
}

/** What one evaluation decides for one case; load/ and apply/ do the I/O around it. */
export interface CasePlan {
  readonly caseId: string;
  /** The stage after the evaluation. */
  readonly stage: string | null;
  readonly move: StageMove | null;
  readonly actions: readonly PlannedAction[];
  /** Open engine tasks whose idempotency key starts with one of these are cancelled. */
  readonly cancelPrefixes: readonly string[];
  /** Evaluated later already: a date behind the case's history changes nothing. */
  readonly skipped: boolean;
}

export interface LadderInput {
  readonly tenantId: string;
  readonly stages: readonly StageData[];
  readonly facts: CaseFacts;
  readonly asOf: LocalDate;
  readonly extensions?: ConditionExtensions;
}

const actionName = (action: ActionData) => Object.keys(action)[0] as ActionName;
const argsOf = (action: ActionData) =>
  ((action as Record<string, unknown>)[actionName(action)] ?? {}) as Record<string, unknown>;

/** Tasks and guarantor contacts with `every` repeat; every other action fires once per entry. */
export function isRepeating(action: ActionData): boolean {
  const name = actionName(action);
  return (name === 'task' || name === 'contactGuarantor') && argsOf(action).every !== undefined;
}

/** The last stage, in list order, whose `when` holds — ladders escalate (docs §4 Stage). */
export function stageIndexFor(input: LadderInput): number {
  if (!input.facts.inArrears) return -1;
  const ctx = { asOf: input.asOf, facts: input.facts, extensions: input.extensions };
  for (let i = input.stages.length - 1; i >= 0; i--) {
    if (holds(input.stages[i].when, ctx)) return i;
  }
  return -1;
}

function moveOf(stages: readonly StageData[], from: string | null, toIndex: number): StageMove {
  const to = toIndex >= 0 ? stages[toIndex].id : null;
  if (to === null) return { from, to, reason: 'cleared' };
  if (from === null) return { from, to, reason: toIndex > 0 ? 'caught-up' : 'entered' };
  const fromIndex = stages.findIndex((s) => s.id === from);
  return { from, to, reason: toIndex > fromIndex ? 'escalated' : 'de-escalated' };
}

/** The rows since the case last entered the ladder (from null): its current episode. */
function episodeOf(history: readonly HistoryRow[]): readonly HistoryRow[] {
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i].from === null) return history.slice(i);
  }
  return history;
}

export function planCase(input: LadderInput): CasePlan {
  const { facts, asOf, stages, tenantId } = input;
  const last = facts.history[facts.history.length - 1];
  if (last && compareLocalDates(last.asOf, asOf) > 0) {
    return {
      caseId: facts.caseId,
      stage: facts.stage,
      move: null,
      actions: [],
      cancelPrefixes: [],
      skipped: true,
    };
  }
  const index = stageIndexFor(input);
  const to = index >= 0 ? stages[index].id : null;
  const move = to === facts.stage ? null : moveOf(stages, facts.stage, index);
  const prefix = `${tenantId}:${facts.caseId}:`;
  const cancelPrefixes: string[] = [];
  if (move && to === null) cancelPrefixes.push(prefix);
  if (move && move.from !== null && to !== null) {
    const left = stages.find((s) => s.id === move.from);
    left?.do.forEach((action, i) => {
      const until = argsOf(action).until ?? 'stage-exit';
      if (isRepeating(action) && until === 'stage-exit')
        cancelPrefixes.push(`${prefix}${left.id}:${i}:`);
    });
  }
  const plan = { caseId: facts.caseId, stage: to, move, cancelPrefixes, skipped: false };
  if (to === null || facts.pausedToday) return { ...plan, actions: [] };
  const history = move ? [...facts.history, { from: move.from, to, asOf }] : facts.history;
  return { ...plan, actions: actionsDue(input, index, episodeOf(history)) };
}

/** Entry actions of the current stint plus this period's instance of every live series. */
function actionsDue(input: LadderInput, index: number, episode: readonly HistoryRow[]) {
  const { stages, asOf, tenantId, facts } = input;
  const stage = stages[index];
  const key = (s: string, i: number, period: LocalDate) =>
    `${tenantId}:${facts.caseId}:${s}:${i}:${period}`;
  const entry = [...episode].reverse().find((row) => row.to === stage.id);
  const enteredOn = entry?.asOf ?? asOf;
  const lateEntry = entry !== undefined && entry.from === null && index > 0;
  const actions: PlannedAction[] = [];
  // No entry row: the stage was set before this engine kept history; its entry is past.
  if (entry !== undefined && !(lateEntry && stage.catchUp === 'skip')) {
    stage.do.forEach((action, i) => {
      if (isRepeating(action)) return;
      const name = actionName(action);
      actions.push({
        key: key(stage.id, i, enteredOn),
        stage: stage.id,
        index: i,
        name,
        args: argsOf(action),
        period: enteredOn,
        repeating: false,
      });
    });
  }
  // Series started in this episode: the current stage's, and earlier stages' that run
  // `until: paid` (still owed, or the case would be off the ladder) or `until: done`.
  const seen = new Set<string>();
  const stints = [...episode.map((row) => row.to), stage.id];
  for (const id of stints) {
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const s = stages.find((candidate) => candidate.id === id);
    if (!s) continue;
    const anchor = episode.find((row) => row.to === id)?.asOf ?? enteredOn;
    s.do.forEach((action, i) => {
      if (!isRepeating(action)) return;
      const args = argsOf(action);
      const until = (args.until as string | undefined) ?? 'stage-exit';
      if (id !== stage.id && until === 'stage-exit') return;
      if (until === 'done' && facts.doneSeries.has(`${id}:${i}`)) return;
      const period = periodStart(anchor, asOf, String(args.every));
      actions.push({
        key: key(id, i, period),
        stage: id,
        index: i,
        name: actionName(action),
        args,
        period,
        repeating: true,
      });
    });
  }
  return actions;
}
