import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertDebtorVisible, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { listedDebtors, syncContactPoints } from '../contact-points/contact-points.writer';
import { RelatedParty } from '../entities/related-party.entity';
import { MASKED } from '../personal-data/personal-data-policy';
import { BusinessDate } from '../support/business-date';
import { assertDebtorExists } from '../support/debtor-exists';
import { checkIdNumber, normalisePhone } from '../support/identity-check';
import { InputCheck } from '../support/input-check';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { AddRelatedParty } from './add-related-party.command';

@CommandHandler(AddRelatedParty)
export class AddRelatedPartyHandler implements ICommandHandler<AddRelatedParty, { id: string }> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: AddRelatedParty): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'related-party.add');
    return this.tx.run(command.tenantId, (em) => this.add(em, command));
  }

  private async add(em: EntityManager, command: AddRelatedParty): Promise<{ id: string }> {
    const { tenantId, debtorId, party } = command;
    // Through a visible case only (篇八): another collector's debtor reads as 404.
    await assertDebtorVisible(em, viewerOf(command), tenantId, debtorId);
    await assertDebtorExists(em, tenantId, debtorId);
    const today = await this.dates.today(em, tenantId);
    const check = new InputCheck();
    const name = party.name.trim();
    if (name.length === 0 || name.length > 200) check.add('name', 'must be 1–200 characters');
    const partyType = party.partyType ?? 'person';
    const rawId = party.idNumber?.trim();
    const idNumber = rawId ? checkIdNumber(check, 'idNumber', partyType, rawId, today) : null;
    const rawPhone = party.phone?.trim();
    const phone = rawPhone ? normalisePhone(check, 'phone', rawPhone) : null;
    const accountId = party.accountId ?? null;
    if (accountId && check.uuid('accountId', accountId)) {
      const [own] = await em.execute(
        `select 1 from accounts where tenant_id = ? and id = ? and debtor_id = ?`,
        [tenantId, accountId, debtorId],
      );
      if (!own) check.add('accountId', 'is not an account of this debtor');
    }
    check.done('The related party');

    const id = randomUUID();
    const now = this.dates.now();
    const row = {
      kind: party.kind,
      relation: party.relation?.trim() || null,
      partyType,
      name,
      idNumber: idNumber ?? null,
      phone: phone ?? null,
      address: party.address?.trim() || null,
      accountId,
    };
    await em.insert(RelatedParty, {
      tenantId,
      id,
      debtorId,
      ...row,
      createdAt: now,
      createdBy: command.actorId,
    });
    // The party's phone and address join the case's contact panel.
    await syncContactPoints(em, tenantId, listedDebtors([debtorId]), {
      source: 'contract',
      actor: command.actorId,
      now,
    });
    const after = {
      relatedPartyId: id,
      ...row,
      idNumber: MASKED.idNumber(row.idNumber),
      phone: MASKED.phone(row.phone),
      address: MASKED.address(row.address),
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.relatedPartyAdded,
        aggregateType: 'debtor',
        aggregateId: debtorId,
        payload: after,
        before: null,
        after,
      },
    ]);
    return { id };
  }
}
