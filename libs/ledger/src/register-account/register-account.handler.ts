import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { scheduleTotal } from '../domain/schedule/schedule.types';
import { Account, ACCOUNT_TYPES, REPAYMENT_METHODS } from '../entities/account.entity';
import { InstallmentRow } from '../entities/installment.entity';
import { AccountBalances } from '../read/account-balances.service';
import { summarise } from '../read/balance-summary';
import { BusinessDate } from '../support/business-date';
import { InputCheck } from '../support/input-check';
import { DOMAIN_EVENTS_TOPIC, eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { buildSchedule } from './build-schedule';
import { LedgerTerms } from '../terms/pack-terms';
import { activeTerms, newAccountTerms } from '../terms/new-account-terms';
import { RegisterAccount, RegisteredAccount } from './register-account.command';

@CommandHandler(RegisterAccount)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccount, RegisteredAccount> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
    private readonly terms: LedgerTerms,
  ) {}

  async execute(command: RegisterAccount): Promise<RegisteredAccount> {
    requirePermission(viewerOf(command), 'account.register');
    try {
      return await this.tx.run(command.tenantId, (em) => this.register(em, command));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw this.duplicate(command);
      throw error;
    }
  }

  private async register(em: EntityManager, command: RegisterAccount): Promise<RegisteredAccount> {
    const input = command.account;
    const check = new InputCheck();
    const source = input.source.trim();
    const externalRef = input.externalRef.trim();
    if (!source) check.add('source', 'must not be empty');
    if (!externalRef) check.add('externalRef', 'must not be empty');
    const principal = check.money('principal', input.principal);
    if (principal?.lessThanOrEqualTo(0)) check.add('principal', 'must be positive');
    const annualRate = check.rate('annualRate', input.annualRate);
    const givenMarkup =
      input.penaltyMarkup === undefined
        ? undefined
        : check.rate('penaltyMarkup', input.penaltyMarkup);
    const startDate = check.date('startDate', input.startDate);
    // Re-checked here because the CLI and imports build commands without the HTTP DTOs.
    if (!ACCOUNT_TYPES.includes(input.type)) {
      check.add('type', `must be one of ${ACCOUNT_TYPES.join(', ')}`);
    }
    const givenBasis = input.dayCountBasis;
    if (givenBasis !== undefined && givenBasis !== 360 && givenBasis !== 365) {
      check.add('dayCountBasis', 'must be 360 or 365');
    }
    // The pinned pack's terms bind; the account's own only where the pack allows or is silent.
    const terms = newAccountTerms(activeTerms(await this.terms.of(em, command.tenantId)), {
      penaltyMarkup: givenMarkup,
      compoundInterest: input.compoundInterest,
      dayCountBasis: givenBasis === 360 || givenBasis === 365 ? givenBasis : undefined,
    });
    terms.refused.forEach((r) => check.add(r.term, r.reason));
    const dayCountBasis = terms.dayCountBasis;
    const knownMethod = REPAYMENT_METHODS.includes(input.schedule?.method);
    if (!knownMethod) {
      check.add('schedule.method', `must be one of ${REPAYMENT_METHODS.join(', ')}`);
    }
    const schedule =
      knownMethod && principal?.greaterThan(0) && annualRate && startDate
        ? buildSchedule(check, { principal, annualRate, dayCountBasis, startDate }, input.schedule)
        : undefined;
    if (check.uuid('debtorId', input.debtorId)) {
      const [debtor] = await em.execute(`select id from debtors where tenant_id = ? and id = ?`, [
        command.tenantId,
        input.debtorId,
      ]);
      if (!debtor) check.add('debtorId', 'no debtor with this id in this tenant');
    }
    check.done('The account');
    if (!principal || !annualRate || !startDate || !schedule) {
      throw new Error('unreachable: InputCheck.done() passed with a missing value');
    }

    const [existing] = await em.execute<{ id: string }[]>(
      `select id from accounts where tenant_id = ? and source = ? and external_ref = ?`,
      [command.tenantId, source, externalRef],
    );
    if (existing) throw this.duplicate(command, existing.id);

    const id = randomUUID();
    const now = this.dates.now();
    const params: Record<string, unknown> = { ...input.schedule };
    delete params.installments;
    const dueDates = schedule.map((row) => row.dueDate).sort();
    await em.insert(Account, {
      tenantId: command.tenantId,
      id,
      debtorId: input.debtorId,
      type: input.type,
      source,
      externalRef,
      principal: principal.toFixed(2),
      annualRate: annualRate.toFixed(6),
      dayCountBasis,
      penaltyMarkup: terms.penaltyMarkup,
      compoundEnabled: terms.compoundInterest,
      ownTerms: terms.ownTerms,
      startDate,
      repaymentMethod: input.schedule.method,
      // A given schedule lives in installments; the params keep only how it was made.
      scheduleParams: params,
      currency: 'CNY',
      createdAt: now,
      createdBy: command.actorId,
    });
    await em.insertMany(
      InstallmentRow,
      schedule.map((row) => ({ tenantId: command.tenantId, accountId: id, ...row })),
    );
    const today = await this.dates.today(em, command.tenantId);
    const balance = await this.balances.refresh(em, command.tenantId, id, today, now);
    const after = {
      debtorId: input.debtorId,
      type: input.type,
      source,
      externalRef,
      principal: principal.toFixed(2),
      annualRate: annualRate.toFixed(6),
      dayCountBasis,
      penaltyMarkup: terms.penaltyMarkup,
      compoundInterest: terms.compoundInterest,
      ownTerms: terms.ownTerms,
      startDate,
      repaymentMethod: input.schedule.method,
      installments: schedule.length,
      scheduledInterest: scheduleTotal(schedule, 'interest').toFixed(2),
      firstDueDate: dueDates[0],
      lastDueDate: dueDates[dueDates.length - 1],
      balance: summarise(balance),
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.accountRegistered,
        aggregateType: 'account',
        aggregateId: id,
        payload: { accountId: id, debtorId: input.debtorId, source, externalRef },
        before: null,
        after,
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { id, installments: schedule };
  }

  private duplicate(command: RegisterAccount, id?: string): ConflictError {
    const { source, externalRef } = command.account;
    return new ConflictError(
      `Account ${source}/${externalRef} is already registered${id ? ` as ${id}` : ''}`,
    );
  }
}
