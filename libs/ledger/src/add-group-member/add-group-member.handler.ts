import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertDebtorVisible, requirePermission, viewerOf } from '@qingshou/core';
import { DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { BusinessDate } from '../support/business-date';
import { assertDebtorExists } from '../support/debtor-exists';
import { groupMatchOrderSql, groupMatchSql } from '../support/group-match.sql';
import { InputCheck } from '../support/input-check';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { AddGroupMember, GroupMembership } from './add-group-member.command';

/** Group types are declared by packs; until libs/policy checks them, any slug is accepted. */
const GROUP_TYPE = /^[a-z][a-z0-9-]{0,31}$/;

@CommandHandler(AddGroupMember)
export class AddGroupMemberHandler implements ICommandHandler<AddGroupMember, GroupMembership> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: AddGroupMember): Promise<GroupMembership> {
    requirePermission(viewerOf(command), 'debtor.register');
    return this.tx.run(command.tenantId, (em) => this.add(em, command));
  }

  private async add(em: EntityManager, command: AddGroupMember): Promise<GroupMembership> {
    const { tenantId, debtorId } = command;
    // Through a visible case only (篇八): a supervisor outside the debtor's teams gets 404.
    await assertDebtorVisible(em, viewerOf(command), tenantId, debtorId);
    const type = command.group.type.trim();
    const code = command.group.code.trim();
    const name = command.group.name.trim();
    const check = new InputCheck();
    if (!GROUP_TYPE.test(type)) check.add('type', 'must be a lowercase slug such as village');
    if (code.length === 0 || code.length > 64) check.add('code', 'must be 1–64 characters');
    if (name.length === 0 || name.length > 200) check.add('name', 'must be 1–200 characters');
    check.done('The group');
    await assertDebtorExists(em, tenantId, debtorId);

    const now = this.dates.now();
    const events: DomainEvent[] = [];
    // The group the code names, or the one whose name it is (groupMatchSql: 前营村 is V01's
    // name); else a new one. Upserts make concurrent first uses converge on a single row.
    const [known] = await em.execute<{ id: string }[]>(
      `select dg.id from debtor_groups dg where dg.tenant_id = ? and ${groupMatchSql('?', '?::text')}
       order by ${groupMatchOrderSql('?::text')} limit 1`,
      [tenantId, type, code, code, code],
    );
    const [createdGroup] = known
      ? []
      : await em.execute<{ id: string }[]>(
          `insert into debtor_groups (tenant_id, id, type, code, name, created_at)
           values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, type, code) do nothing returning id`,
          [tenantId, randomUUID(), type, code, name, now],
        );
    const groupId =
      known?.id ??
      createdGroup?.id ??
      (
        await em.execute<{ id: string }[]>(
          `select id from debtor_groups where tenant_id = ? and type = ? and code = ?`,
          [tenantId, type, code],
        )
      )[0].id;
    if (createdGroup) {
      const group = { groupId, type, code, name };
      events.push({
        type: LEDGER_EVENTS.debtorGroupCreated,
        aggregateType: 'debtor-group',
        aggregateId: groupId,
        payload: group,
        before: null,
        after: group,
      });
    }
    const added = await em.execute(
      `insert into debtor_group_members (tenant_id, group_id, debtor_id, added_at, added_by)
       values (?, ?, ?, ?, ?) on conflict do nothing returning debtor_id`,
      [tenantId, groupId, debtorId, now, command.actorId],
    );
    if (added.length === 1) {
      const membership = { groupId, type, code };
      events.push({
        type: LEDGER_EVENTS.groupMemberAdded,
        aggregateType: 'debtor',
        aggregateId: debtorId,
        payload: membership,
        before: { member: false, ...membership },
        after: { member: true, ...membership },
      });
    }
    await this.events.append(em, eventContext(command, now), events);
    return { groupId, added: added.length === 1 };
  }
}
