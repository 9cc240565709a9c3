import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { NotFoundError, ValidationFailedError } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { BackOfficeLedgerAccess, LedgerAccess } from '@qingshou/ledger';
import { pinnedPack } from '../../kpi/support/pinned-pack';
import { RecordAttribute, RecordedAttribute } from './record-attribute.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABLES: Record<string, string> = { debtor: 'debtors', account: 'accounts', case: 'cases' };

@CommandHandler(RecordAttribute)
export class RecordAttributeHandler implements ICommandHandler<RecordAttribute, RecordedAttribute> {
  private readonly access: LedgerAccess;

  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() @Inject(LedgerAccess) access?: LedgerAccess,
  ) {
    this.access = access ?? new BackOfficeLedgerAccess();
  }

  execute(command: RecordAttribute): Promise<RecordedAttribute> {
    return this.tx.run(command.tenantId, async (em) => {
      const pack = await pinnedPack(em, command.tenantId);
      const spec = pack.spec.attributes.find((a) => a.key === command.key);
      const value = command.value.trim();
      const problems = [
        ...(spec
          ? []
          : [{ path: 'key', reason: `the pack declares no attribute "${command.key}"` }]),
        ...(spec && spec.subject !== command.subject
          ? [{ path: 'subject', reason: `"${command.key}" is recorded on a ${spec.subject}` }]
          : []),
        ...(spec?.type === 'enum' && !spec.values?.some((v) => v.code === value)
          ? [
              {
                path: 'value',
                reason: `must be one of ${spec.values?.map((v) => v.code).join(', ')}`,
              },
            ]
          : []),
        ...(value.length === 0 || value.length > 500
          ? [{ path: 'value', reason: 'must be 1–500 characters' }]
          : []),
      ];
      if (problems.length) throw new ValidationFailedError('The attribute is refused', problems);
      await this.assertVisible(em, command);
      const before = await em.execute<{ value: string }[]>(
        `select value from attribute_values
         where tenant_id = ? and subject = ? and subject_id = ? and key = ?`,
        [command.tenantId, command.subject, command.subjectId, command.key],
      );
      const previous = before[0]?.value ?? null;
      const result = {
        subject: command.subject,
        subjectId: command.subjectId,
        key: command.key,
        value,
      };
      if (previous === value) return { ...result, changed: false };
      const now = this.clock.now();
      await em.execute(
        `insert into attribute_values (tenant_id, subject, subject_id, key, value, recorded_by, recorded_at)
         values (?, ?, ?, ?, ?, ?, ?)
         on conflict (tenant_id, subject, subject_id, key) do update set
           value = excluded.value, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
        [
          command.tenantId,
          command.subject,
          command.subjectId,
          command.key,
          value,
          command.actorId,
          now,
        ],
      );
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: 'AttributeRecorded',
          aggregateType: command.subject,
          aggregateId: command.subjectId,
          payload: { key: command.key, value },
          before: { [command.key]: previous },
          after: { [command.key]: value },
          publish: ['domain-events'],
        },
      ]);
      return { ...result, changed: true };
    });
  }

  /** The subject exists in this tenant and the caller may see it (404 otherwise). */
  private async assertVisible(em: EntityManager, command: RecordAttribute): Promise<void> {
    const table = TABLES[command.subject];
    const missing = () => new NotFoundError(command.subject, command.subjectId);
    if (!table || !UUID.test(command.subjectId)) throw missing();
    const rows = await em.execute<{ debtor_id: string }[]>(
      `select ${command.subject === 'debtor' ? 'id' : 'debtor_id'} as debtor_id from ${table}
       where tenant_id = ? and id = ?`,
      [command.tenantId, command.subjectId],
    );
    if (!rows[0]) throw missing();
    if (command.viewer)
      await this.access.assertDebtorVisible(em, command.viewer, rows[0].debtor_id);
  }
}
