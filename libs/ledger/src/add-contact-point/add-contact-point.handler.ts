import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertMayChangeCases, ConflictError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { caseDebtor } from '../contact-points/case-debtor';
import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_SOURCES,
  statusesOf,
  subtypesOf,
} from '../contact-points/contact-point-codes';
import { MASKED } from '../personal-data/personal-data-policy';
import { BusinessDate } from '../support/business-date';
import { normalisePhone } from '../support/identity-check';
import { InputCheck } from '../support/input-check';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { AddContactPoint } from './add-contact-point.command';

/**
 * Adds a phone or address to the case's debtor (or one of its related parties). A debtor's
 * new phone also joins debtors.phones, which search and letters read; a value the debtor
 * already has is refused (409) rather than kept twice.
 */
@CommandHandler(AddContactPoint)
export class AddContactPointHandler implements ICommandHandler<AddContactPoint, { id: string }> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: AddContactPoint): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'contact-point.manage');
    assertMayChangeCases(viewerOf(command));
    return this.tx.run(command.tenantId, (em) => this.add(em, command));
  }

  private async add(em: EntityManager, command: AddContactPoint): Promise<{ id: string }> {
    const { tenantId, point } = command;
    const { debtorId } = await caseDebtor(em, viewerOf(command), tenantId, command.caseId);
    const check = new InputCheck();
    const kind = point.kind;
    if (!CONTACT_POINT_KINDS.includes(kind)) check.add('kind', 'must be phone or address');
    const known = CONTACT_POINT_KINDS.includes(kind);
    if (known && !subtypesOf(kind).includes(point.subtype)) check.add('subtype', 'is not known');
    const source = point.source ?? 'collector';
    if (!CONTACT_POINT_SOURCES.includes(source)) check.add('source', 'is not known');
    const status = point.status ?? 'valid';
    if (known && !statusesOf(kind).includes(status)) check.add('status', 'is not known');
    let value: string | undefined = point.value.trim();
    if (kind === 'phone') value = normalisePhone(check, 'value', value);
    else if (value.length < 4 || value.length > 300) check.add('value', 'must be 4–300 characters');
    const partyId = point.relatedPartyId ?? null;
    if (partyId && check.uuid('relatedPartyId', partyId)) {
      const [own] = await em.execute(
        `select 1 from related_parties where tenant_id = ? and id = ? and debtor_id = ?`,
        [tenantId, partyId, debtorId],
      );
      if (!own) check.add('relatedPartyId', 'is not a related party of this debtor');
    }
    check.done('The contact point');

    const id = randomUUID();
    const now = this.dates.now();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into debtor_contact_points (tenant_id, id, debtor_id, related_party_id, kind, subtype,
         value, source, status, created_at, created_by, updated_at, updated_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
      [
        ...[tenantId, id, debtorId, partyId, kind, point.subtype, value, source, status],
        ...[now, command.actorId, now, command.actorId],
      ],
    );
    if (inserted.length === 0) throw new ConflictError('This contact point is already recorded');
    if (kind === 'phone' && partyId === null) {
      // Search and letters read debtors.phones: the new number joins it once.
      await em.execute(
        `update debtors set phones = array_append(phones, ?)
         where tenant_id = ? and id = ? and not (? = any(phones))`,
        [value, tenantId, debtorId, value],
      );
    }
    if (kind === 'phone' && partyId !== null) {
      // A party keeps one phone in related_parties (search reads it): filled when it had none.
      await em.execute(
        `update related_parties set phone = ? where tenant_id = ? and id = ? and phone is null`,
        [value, tenantId, partyId],
      );
    }
    const after = {
      contactPointId: id,
      caseId: command.caseId,
      relatedPartyId: partyId,
      kind,
      subtype: point.subtype,
      value: kind === 'phone' ? MASKED.phone(value as string) : MASKED.address(value as string),
      source,
      status,
    };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.contactPointAdded,
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
