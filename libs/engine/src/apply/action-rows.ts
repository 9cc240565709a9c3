import { createHash, randomUUID } from 'node:crypto';
import type { CaseFacts } from '../domain/case-facts';
import type { PlannedAction } from '../domain/ladder';
import { dueInstant, slaInstant, triggerInstant } from '../domain/timing';
import type { ActionSource, RunContext } from '../run/run-context';

/** What an action needs to know of its case: the full facts, or just these for rules. */
export type CaseRef = Pick<CaseFacts, 'caseId' | 'debtorId' | 'assigneeId' | 'accountIds'>;

/** The approval a notice's template needs before it goes out (pack `notices[].approval`). */
export interface NoticeGate {
  readonly kind: string;
  readonly approverRole: string;
}

/** One action instance ready to be written: its engine_actions row and what it creates. */
export interface ActionInstance {
  readonly key: string;
  readonly source: ActionSource;
  /** Null for routines and tenant events: work that belongs to no case. */
  readonly caseId: string | null;
  readonly debtorId: string | null;
  readonly action: PlannedAction;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown>;
  readonly task?: TaskRow;
  readonly approval?: ApprovalRow;
  readonly notice?: { template: string; recipient: string; gate: NoticeGate | null };
  readonly flag?: { flag: string; op: 'set' | 'clear'; subject: string; subjectId: string };
  readonly notify?: { role: string; message?: unknown };
}

export interface TaskRow {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly dueAt: Date;
  readonly slaDueAt: Date | null;
  readonly assigneeId: string | null;
  readonly role: string | null;
}

export interface ApprovalRow {
  readonly id: string;
  readonly kind: string;
  readonly approverRole: string;
  readonly payload: Record<string, unknown>;
}

type Args = Record<string, unknown>;

/** engine_actions and tasks keys are at most 200 characters; a longer one keeps its prefix. */
export function boundedKey(key: string): string {
  if (key.length <= 200) return key;
  return `${key.slice(0, 150)}#${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** A task that belongs to no case (a routine, a batch received): due at `trigger`. */
export function caselessTask(
  ctx: RunContext,
  action: PlannedAction,
  source: ActionSource,
  trigger: Date,
  assigneeId: string | null,
): ActionInstance {
  const args = action.args as Args;
  const kind = String(args.kind);
  const view = ctx.pack;
  const role = args.role ? view.platformRole(String(args.role)) : null;
  const dueAt = dueInstant(ctx.calendar, trigger, args.due as string | undefined);
  const names = args.names as { zh: string } | undefined;
  const row: TaskRow = {
    id: randomUUID(),
    kind: view.taskBase(kind),
    title: view.taskTitle(action.stage, kind, names),
    dueAt,
    slaDueAt: slaInstant(ctx.calendar, dueAt, args.sla as string | undefined),
    assigneeId,
    role,
  };
  return {
    key: action.key,
    source,
    caseId: null,
    debtorId: null,
    action,
    targetId: row.id,
    task: row,
    detail: { kind, role, assigneeId },
  };
}

/**
 * Turns the ladder's planned actions into rows: tasks with due and SLA instants on the
 * tenant's calendar, approvals routed to the pack's approver, one notice per recipient,
 * flags on the pack's subject. `roles` holds each assignee's platform roles, so a task for
 * a role the case's collector does not hold waits unassigned for that role.
 */
export function instancesOf(
  ctx: RunContext,
  facts: CaseRef,
  actions: readonly PlannedAction[],
  roles: ReadonlyMap<string, readonly string[]>,
  source: ActionSource = 'stage',
): ActionInstance[] {
  const view = ctx.pack;
  const base = (action: PlannedAction) => ({
    key: action.key,
    source,
    caseId: facts.caseId,
    debtorId: facts.debtorId,
    action,
  });
  const task = (action: PlannedAction, kind: string, names?: { zh: string }, role?: string) => {
    const args = action.args as Args;
    const trigger = triggerInstant(action.period, ctx.now, ctx.timeZone);
    const dueAt = dueInstant(ctx.calendar, trigger, args.due as string | undefined);
    const platformRole = role ? view.platformRole(role) : null;
    const assignee = facts.assigneeId;
    const holds =
      assignee !== null && (!platformRole || roles.get(assignee)?.includes(platformRole));
    const row: TaskRow = {
      id: randomUUID(),
      kind: view.taskBase(kind),
      title: view.taskTitle(action.stage, kind, names),
      dueAt,
      slaDueAt: slaInstant(ctx.calendar, dueAt, args.sla as string | undefined),
      assigneeId: holds ? assignee : null,
      role: platformRole,
    };
    return { ...base(action), targetId: row.id, task: row, detail: { kind, role: platformRole } };
  };
  const approval = (
    action: PlannedAction,
    ref: Args | undefined,
    fallback: string,
    extra: Args,
  ) => {
    const kind = (ref?.kind as string | undefined) ?? fallback;
    const row: ApprovalRow = {
      id: randomUUID(),
      kind,
      approverRole: view.approverRole(kind, ref?.by as string | undefined),
      payload: {
        source: 'policy-engine',
        pack: view.ref,
        stage: action.stage,
        asOf: ctx.asOf,
        ...extra,
      },
    };
    return {
      ...base(action),
      targetId: row.id,
      approval: row,
      detail: { kind, approverRole: row.approverRole },
    };
  };

  const out: ActionInstance[] = [];
  for (const action of actions) {
    const args = action.args as Args;
    switch (action.name) {
      case 'task':
        out.push(
          task(
            action,
            String(args.kind),
            args.names as { zh: string } | undefined,
            args.role as string | undefined,
          ),
        );
        break;
      case 'contactGuarantor': {
        const names = args.ask === 'pay' ? { zh: '要求担保人代偿' } : { zh: '联系担保人' };
        out.push(task(action, 'contact-guarantor', names));
        break;
      }
      case 'notice':
        for (const recipient of (args.to as string[] | undefined) ?? ['debtor']) {
          const key = boundedKey(
            recipient === 'debtor' ? action.key : `${action.key}:${recipient}`,
          );
          const template = String(args.template);
          out.push({
            ...base(action),
            key,
            targetId: null,
            notice: { template, recipient, gate: noticeGate(ctx, template) },
            detail: { template: args.template, recipient },
          });
        }
        break;
      case 'approval':
        out.push(approval(action, args, 'legal-referral', { fields: args.fields ?? [] }));
        break;
      case 'referToLegal':
        out.push(
          args.approval
            ? approval(action, args.approval as Args, 'legal-referral', {
                steps: args.steps ?? [],
                withAmounts: args.withAmounts ?? true,
              })
            : task(action, 'review', { zh: '移交法务' }, 'legal'),
        );
        break;
      case 'publishList':
        out.push(
          approval(action, args.approval as Args, 'publish-list', {
            list: args.list,
            channel: args.channel,
          }),
        );
        break;
      case 'setFlag':
      case 'clearFlag': {
        const flag = String(args.flag);
        const subject = view.flagSubject(flag);
        const subjectId =
          subject === 'account' ? (facts.accountIds[0] ?? facts.debtorId) : facts.debtorId;
        const op = action.name === 'setFlag' ? 'set' : 'clear';
        out.push({
          ...base(action),
          targetId: null,
          flag: { flag, op, subject, subjectId },
          detail: { flag, op },
        });
        break;
      }
      case 'notifyRole':
        out.push({
          ...base(action),
          targetId: null,
          notify: { role: String(args.role), message: args.message },
          detail: { role: args.role, message: args.message ?? null },
        });
        break;
      default:
        // blacklistOnSettlement: the row itself is the intent, acted on at settlement.
        out.push({ ...base(action), targetId: null, detail: {} });
    }
  }
  return out;
}

/** The approval the pack puts in front of this template, if any (篇一: ar-reconciliation). */
export function noticeGate(ctx: RunContext, template: string): NoticeGate | null {
  const ref = ctx.pack.pack.spec.notices.find((n) => n.template === template)?.approval;
  if (!ref) return null;
  const kind = ref.kind ?? 'notice-approval';
  return { kind, approverRole: ctx.pack.approverRole(kind, ref.by) };
}
