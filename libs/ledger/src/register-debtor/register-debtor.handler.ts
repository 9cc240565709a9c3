import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { listedDebtors, syncContactPoints } from '../contact-points/contact-points.writer';
import { Debtor } from '../entities/debtor.entity';
import { MASKED, mayRevealPersonalData } from '../personal-data/personal-data-policy';
import { BusinessDate } from '../support/business-date';
import { checkIdNumber, normalisePhone } from '../support/identity-check';
import { InputCheck } from '../support/input-check';
import { DOMAIN_EVENTS_TOPIC, eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { RegisterDebtor, RegisteredDebtor } from './register-debtor.command';

@CommandHandler(RegisterDebtor)
export class RegisterDebtorHandler implements ICommandHandler<RegisterDebtor, RegisteredDebtor> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  async execute(command: RegisterDebtor): Promise<RegisteredDebtor> {
    requirePermission(viewerOf(command), 'debtor.register');
    try {
      return await this.tx.run(command.tenantId, (em) => this.register(em, command));
    } catch (error) {
      // Two clerks registering the same person at once: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('A debtor with this ID number is already registered');
      }
      throw error;
    }
  }

  private async register(em: EntityManager, command: RegisterDebtor): Promise<RegisteredDebtor> {
    const input = command.debtor;
    const today = await this.dates.today(em, command.tenantId);
    const check = new InputCheck();
    if (input.kind !== 'person' && input.kind !== 'organisation') {
      check.add('kind', 'must be person or organisation');
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) check.add('name', 'must be 1–200 characters');
    const idNumber = checkIdNumber(check, 'idNumber', input.kind, input.idNumber, today);
    const phones = (input.phones ?? []).map((p, i) => normalisePhone(check, `phones[${i}]`, p));
    check.done('The debtor');

    const [existing] = await em.execute<{ id: string }[]>(
      `select id from debtors where tenant_id = ? and id_number = ?`,
      [command.tenantId, idNumber],
    );
    if (existing) {
      // A clerk probing guessed ID numbers must not learn whose they are (the masked view
      // hides the birth-date digits); a role that may reveal the number gets the debtor.
      const viewer = viewerOf(command);
      const named = viewer.system === true || mayRevealPersonalData(viewer.roles);
      throw new ConflictError(
        `A debtor with this ID number is already registered${named ? `: ${existing.id}` : ''}`,
      );
    }
    const id = randomUUID();
    const address = input.address?.trim() || null;
    const now = this.dates.now();
    await em.insert(Debtor, {
      tenantId: command.tenantId,
      id,
      kind: input.kind,
      name,
      idNumber: idNumber as string,
      phones: phones as string[],
      address,
      createdAt: now,
      createdBy: command.actorId,
    });
    // The contact panel's rows for the phones and address given (合同, 有效).
    await syncContactPoints(em, command.tenantId, listedDebtors([id]), {
      source: 'contract',
      actor: command.actorId,
      now,
    });
    // The event log is append-only and hash-chained, so it only ever holds masked values.
    const after = {
      kind: input.kind,
      name,
      idNumber: MASKED.idNumber(idNumber as string),
      phones: (phones as string[]).map((p) => MASKED.phone(p)),
      address: MASKED.address(address),
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.debtorRegistered,
        aggregateType: 'debtor',
        aggregateId: id,
        payload: after,
        before: null,
        after,
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { id };
  }
}
