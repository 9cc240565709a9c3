import type { LocalizedText } from '@qingshou/policy';
import type { PinnedPack } from '../../kpi/support/pinned-pack';
import type { DatedPhase } from '../domain/phase-dates';

export type DriveData = PinnedPack['spec']['drives'][number];
export type PhaseData = DriveData['phases'][number];

export interface DriveItem {
  readonly phaseKey: string;
  readonly kind: 'task' | 'case-task' | 'deliverable';
  readonly itemKey: string;
  readonly names: LocalizedText | null;
  readonly role: string | null;
  readonly caseId: string | null;
  readonly quantity: number;
  readonly dueOn: string;
}

interface TaskArgs {
  kind?: string;
  names?: LocalizedText;
  role?: string;
  quantity?: number;
  deliverables?: string[];
}

/** An action of a phase as a checklist entry: what it is called and who does it. */
function describe(action: Record<string, unknown>): { key: string; args: TaskArgs } | null {
  if (action.task)
    return { key: String((action.task as TaskArgs).kind), args: action.task as TaskArgs };
  if (action.notice) {
    const template = (action.notice as { template: string }).template;
    return { key: `notice-${template}`.slice(0, 48), args: {} };
  }
  if (action.notifyRole) {
    return { key: 'notify-role', args: { role: (action.notifyRole as { role: string }).role } };
  }
  if (action.publishList) return { key: 'publish-list', args: {} };
  return null;
}

/**
 * What a phase asks for, as rows to tick off: its tasks (a meeting, 100 posters, 3 banners),
 * one task per case in scope for each case action (an NPL statistics row per loan), and its
 * deliverables — per case or as a quantity. Each is due when the phase opens.
 */
export function phaseItems(
  phase: PhaseData,
  dated: DatedPhase,
  caseIds: readonly string[],
  kindNames: ReadonlyMap<string, LocalizedText>,
): DriveItem[] {
  const items: DriveItem[] = [];
  const item = (
    kind: DriveItem['kind'],
    itemKey: string,
    args: TaskArgs,
    caseId: string | null,
  ): DriveItem => ({
    phaseKey: phase.id,
    kind,
    itemKey,
    names: args.names ?? kindNames.get(itemKey) ?? null,
    role: args.role ?? null,
    caseId,
    quantity: args.quantity ?? 1,
    dueOn: dated.startsOn,
  });
  for (const action of phase.tasks as Record<string, unknown>[]) {
    const found = describe(action);
    if (!found) continue;
    items.push(item('task', found.key, found.args, null));
    for (const deliverable of found.args.deliverables ?? []) {
      items.push(item('deliverable', deliverable, {}, null));
    }
  }
  for (const action of phase.caseActions as Record<string, unknown>[]) {
    const found = describe(action);
    if (!found) continue;
    caseIds.forEach((caseId) =>
      items.push(item('case-task', found.key, { ...found.args, quantity: 1 }, caseId)),
    );
  }
  for (const deliverable of phase.deliverables) {
    const args = {
      names: deliverable.names,
      role: deliverable.role,
      quantity: deliverable.quantity,
    };
    if (deliverable.perCase) {
      caseIds.forEach((caseId) =>
        items.push(item('deliverable', deliverable.id, { ...args, quantity: 1 }, caseId)),
      );
    } else {
      items.push(item('deliverable', deliverable.id, args, null));
    }
  }
  return items;
}
