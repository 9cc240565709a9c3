import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, instantOf, localDateOf, type LocalDate, type LocalTime } from '@qingshou/calendar';
import {
  AgreePlan,
  CreateTask,
  ProposePlan,
  RaiseDispute,
  RecordPromise,
  type DisputeKind,
  type ProposePlanResult,
} from '@qingshou/collection';
import { DomainError, systemMeta, ValidationFailedError } from '@qingshou/core';
import { dec } from '@qingshou/ledger';
import { DebtorBalances } from '../support/debtor-balances';
import { DebtorSteps } from '../support/debtor-steps';
import { type OpenLink, debtorActorId } from '@qingshou/self-service';
import { DebtorAct, DebtorActInput, DebtorActResult } from './debtor-act.command';
import { planProblemText } from './plan-problems';

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A call back is asked for within the next two weeks. */
const CALLBACK_DAYS = 14;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

class Refusal {
  constructor(readonly errors: Record<string, string>) {}
}

@CommandHandler(DebtorAct)
export class DebtorActHandler implements ICommandHandler<DebtorAct, DebtorActResult> {
  constructor(
    private readonly steps: DebtorSteps,
    private readonly commands: CommandBus,
    private readonly balances: DebtorBalances,
    private readonly clock: Clock,
  ) {}

  async execute(command: DebtorAct): Promise<DebtorActResult> {
    const link = await this.steps.verified(command);
    if (!link) return null;
    if (!link.rules.actions.includes(command.action)) {
      return { ok: false, errors: { action: '本机构未开通此项自助办理' } };
    }
    try {
      return { ok: true, outcome: await this.act(link, command) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, errors: error.errors };
      if (error instanceof ValidationFailedError && command.action === 'plan') {
        return { ok: false, errors: planProblemText(error, link) };
      }
      if (error instanceof DomainError && error.status < 500) {
        return { ok: false, errors: { action: '提交未成功，请核对后重试或联系经办人' } };
      }
      throw error;
    }
  }

  private async act(link: OpenLink, command: DebtorAct): Promise<string> {
    const meta = systemMeta({
      tenantId: link.tenantId,
      actorId: debtorActorId(link.linkId),
      correlationId: command.correlationId,
    });
    const input = command.input;
    const today = localDateOf(this.clock.now(), link.timeZone);
    switch (command.action) {
      case 'promise': {
        const problems: Record<string, string> = {};
        if (!input.amount || !MONEY.test(input.amount.trim()) || !dec(input.amount).gt(0))
          problems.amount = '请填写承诺还款金额，如 1000.00';
        if (!input.dueOn || !DATE.test(input.dueOn) || input.dueOn < today)
          problems.dueOn = '请选择今天或以后的日期';
        if (Object.keys(problems).length) throw new Refusal(problems);
        await this.commands.execute(
          new RecordPromise(meta, {
            caseId: link.caseId,
            amount: dec(input.amount as string).toFixed(2),
            dueOn: input.dueOn as string,
            notes: '债务人本人通过自助页面承诺还款',
          }),
        );
        return 'promise';
      }
      case 'plan':
        return this.plan(link, meta, input, today);
      case 'dispute': {
        const problems: Record<string, string> = {};
        if (!input.kind || !link.rules.disputeKinds.includes(input.kind))
          problems.kind = '请选择异议类型';
        if (!input.accountId) problems.accountId = '请选择账户';
        if (!input.note?.trim()) problems.note = '请说明异议的理由';
        if (Object.keys(problems).length) throw new Refusal(problems);
        await this.commands.execute(
          new RaiseDispute(meta, {
            caseId: link.caseId,
            accountId: input.accountId as string,
            kind: input.kind as DisputeKind,
            raisedBy: 'debtor',
            note: input.note?.trim(),
            files: input.files ?? [],
          }),
        );
        return 'dispute';
      }
      case 'callback': {
        const hours = link.rules.contactHours;
        const problems: Record<string, string> = {};
        const last = localDateOf(
          new Date(this.clock.now().getTime() + CALLBACK_DAYS * 86_400_000),
          link.timeZone,
        );
        if (!input.date || !DATE.test(input.date) || input.date < today || input.date > last)
          problems.date = `请选择今天起${CALLBACK_DAYS}日内的日期`;
        if (
          !input.time ||
          !TIME.test(input.time) ||
          minutes(input.time) < minutes(hours.start) ||
          minutes(input.time) >= minutes(hours.end)
        )
          problems.time = `请选择 ${hours.start} 至 ${hours.end} 之间的时间`;
        if (Object.keys(problems).length) throw new Refusal(problems);
        const dueAt = instantOf(input.date as LocalDate, input.time as LocalTime, link.timeZone);
        if (dueAt.getTime() <= this.clock.now().getTime())
          throw new Refusal({ time: '请选择晚于现在的时间' });
        await this.commands.execute(
          new CreateTask(meta, {
            caseId: link.caseId,
            kind: 'call',
            title: `债务人预约回电 ${input.date} ${input.time}`,
            dueAt: dueAt.toISOString(),
            priority: 1,
            idempotencyKey: `self-service:callback:${link.linkId}:${dueAt.toISOString()}`,
          }),
        );
        return 'callback';
      }
    }
  }

  /**
   * The plan covers today's balance: 本金/利息/费用 as arrears, 罚息 as the penalty, nothing
   * waived. Up to the pack's `autoAgreePlansUpTo` (and needing no approval) the debtor's
   * submission is the signature and AgreePlan makes it live; otherwise it waits for the office.
   */
  private async plan(
    link: OpenLink,
    meta: ReturnType<typeof systemMeta>,
    input: DebtorActInput,
    today: LocalDate,
  ): Promise<string> {
    const problems: Record<string, string> = {};
    const down = (input.downPayment ?? '').trim() || '0';
    if (!MONEY.test(down)) problems.downPayment = '请填写首付金额，如 500.00（可为 0）';
    if (!/^\d{1,3}$/.test(input.count ?? '')) problems.count = '请填写分期期数';
    if (!input.firstDueOn || !DATE.test(input.firstDueOn) || input.firstDueOn < today)
      problems.firstDueOn = '请选择今天或以后的日期';
    if (Object.keys(problems).length) throw new Refusal(problems);
    const { totals } = await this.balances.of(link, meta.correlationId);
    const arrears = dec(totals.total).minus(totals.penalty);
    if (!dec(totals.total).gt(0)) throw new Refusal({ action: '当前没有需要分期的欠款' });
    const result: ProposePlanResult = await this.commands.execute(
      new ProposePlan(meta, {
        caseId: link.caseId,
        arrears: arrears.toFixed(2),
        penalty: dec(totals.penalty).toFixed(2),
        downPayment: dec(down).toFixed(2),
        count: Number(input.count),
        startOn: today,
        firstDueOn: input.firstDueOn as string,
        notes: '债务人本人通过自助页面申请分期',
      }),
    );
    const auto = link.rules.autoAgreePlansUpTo;
    if (result.approvalId === null && auto !== null && dec(result.total).lte(auto)) {
      await this.commands.execute(new AgreePlan(meta, result.id));
      return 'plan-agreed';
    }
    return 'plan-pending';
  }
}
