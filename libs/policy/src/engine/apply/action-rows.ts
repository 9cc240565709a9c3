import { randomUUID } from 'node:crypto';
import type { CaseFacts } from '../domain/case-facts';
import type { PlannedAction } from '../domain/ladder';
import { dueInstant, slaInstant, triggerInstant } from '../domain/timing';
import type { RunContext } from '../run/run-context';

/** One action instance ready to be written: its engine_actions row and what it creates. */
export interface ActionInstance {
  readonly key: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly action: PlannedAction;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown>;
  readonly task?: TaskRow;
  readonly approval?: ApprovalRow;
  readonly notice?: { template: string; recipient: string };
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

/**
 * Turns the ladder's planned actions into rows: tasks with due and SLA instants on the
 * tenant's calendar, approvals routed to the pack's approver, one notice per recipient,
 * flags on the pack's subject. `roles` holds each assignee's platform roles, so a task for
 * a role the case's collector does not hold waits unassigned for that role.
 */
export function instancesOf(
  ctx: RunContext,
  facts: CaseFacts,
  actions: readonly PlannedAction[],
  roles: ReadonlyMap<string, readonly string[]>,
): ActionInstance[] {
  const view = ctx.pack;
  const base = (action: PlannedAction) => ({
    key: action.key,
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
          const key = recipient === 'debtor' ? action.key : `${action.key}:${recipient}`;
          out.push({
            ...base(action),
            key,
            targetId: null,
            notice: { template: String(args.template), recipient },
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
