import { DEFAULT_APPROVER_ROLES } from '@qingshou/collection';
import { type ResolvedPack, PLATFORM_TASK_KINDS } from '@qingshou/policy';
import type { ConditionData, StageData } from './case-facts';
import { conditionNames } from './conditions';

const KIND_ZH: Readonly<Record<string, string>> = {
  call: '电话催收',
  visit: '外访',
  letter: '信函',
  'contact-guarantor': '联系担保人',
  review: '复核',
  other: '其他',
};

/**
 * Questions the engine asks of a pinned pack: which platform role a pack role is, who
 * approves a kind, what a task kind is stored as, what the conditions need loaded.
 */
export class PackView {
  readonly stages: readonly StageData[];
  /** Condition names (and `event:<name>`, `until:done`) the loader must read for. */
  readonly needs: ReadonlySet<string>;
  /** The widest contactOutcome `withinDays`, at least 1. */
  readonly contactWindowDays: number;

  constructor(readonly pack: ResolvedPack) {
    this.stages = pack.spec.stages;
    const needs = new Set<string>();
    let window = 1;
    const visit = (c: ConditionData | undefined) => {
      if (!c) return;
      conditionNames(c, needs);
      const scan = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        const within = (o.contactOutcome as { withinDays?: number } | undefined)?.withinDays;
        if (typeof within === 'number') window = Math.max(window, within);
        Object.values(o).forEach(scan);
      };
      scan(c);
    };
    for (const stage of this.stages) {
      visit(stage.when);
      for (const action of stage.do) {
        const args = Object.values(action)[0] as { until?: string } | undefined;
        if (args?.until === 'done') needs.add('until:done');
      }
    }
    this.needs = needs;
    this.contactWindowDays = window;
  }

  get ref(): string {
    return `${this.pack.id}@${this.pack.version}`;
  }

  /** A pack role's platform role; a platform role is itself. */
  platformRole(role: string): string {
    return this.pack.spec.roles.find((r) => r.id === role)?.platformRole ?? role;
  }

  /** Who decides an approval of `kind`: the action's `by`, the pack's declaration, the seeds. */
  approverRole(kind: string, by?: string): string {
    const declared = this.pack.spec.approvals.find((a) => a.kind === kind)?.by;
    const role = by ?? declared;
    if (role) return this.platformRole(role);
    return (DEFAULT_APPROVER_ROLES as Readonly<Record<string, string>>)[kind] ?? 'manager';
  }

  /** The platform kind collection stores for a pack's task kind. */
  taskBase(kind: string): string {
    if ((PLATFORM_TASK_KINDS as readonly string[]).includes(kind)) return kind;
    return this.pack.spec.taskKinds.find((k) => k.code === kind)?.base ?? 'other';
  }

  /** What a collector reads on the task: its own name, else the kind's, with the stage. */
  taskTitle(stageId: string, kind: string, names?: { zh: string }): string {
    const own = names?.zh ?? this.pack.spec.taskKinds.find((k) => k.code === kind)?.names.zh;
    const label = own ?? KIND_ZH[kind] ?? kind;
    const stage = this.stages.find((s) => s.id === stageId)?.names?.zh;
    return (stage ? `${label}（${stage}）` : label).slice(0, 200);
  }

  flagSubject(flag: string): 'debtor' | 'account' {
    return this.pack.spec.flags.find((f) => f.id === flag)?.subject === 'account'
      ? 'account'
      : 'debtor';
  }

  noticeDelivery(template: string): { periodDays: number; fallbackOffsetDays: number } | null {
    const rule = this.pack.spec.notices.find((n) => n.template === template)?.delivery;
    return rule
      ? { periodDays: rule.periodDays, fallbackOffsetDays: rule.fallbackOffsetDays ?? 0 }
      : null;
  }
}
