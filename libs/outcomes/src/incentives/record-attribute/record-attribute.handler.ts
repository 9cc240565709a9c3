import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  assertAccountVisible,
  assertCaseVisible,
  assertDebtorVisible,
  assertMayChangeCases,
  NotFoundError,
  requirePermission,
  ValidationFailedError,
  type Viewer,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { pinnedPack } from '../../kpi/support/pinned-pack';
import { RecordAttribute, RecordedAttribute } from './record-attribute.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABLES: Record<string, string> = { debtor: 'debtors', account: 'accounts', case: 'cases' };

@CommandHandler(RecordAttribute)
export class RecordAttributeHandler implements ICommandHandler<RecordAttribute, RecordedAttribute> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordAttribute): Promise<RecordedAttribute> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'attribute.set');
    assertMayChangeCases(viewer);
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
      await assertSubjectVisible(em, viewer, command);
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
}

/**
 * The subject exists in this tenant and the viewer may see it through the core rule: a case
 * visible to them, an account or a debtor of such a case (404 otherwise, ids do not leak).
 */
async function assertSubjectVisible(
  em: EntityManager,
  viewer: Viewer,
  command: RecordAttribute,
): Promise<void> {
  const { tenantId, subject, subjectId } = command;
  const table = TABLES[subject];
  const missing = () => new NotFoundError(subject, subjectId);
  if (!table || !UUID.test(subjectId)) throw missing();
  const rows = await em.execute(`select 1 from ${table} where tenant_id = ? and id = ?`, [
    tenantId,
    subjectId,
  ]);
  if (!rows[0]) throw missing();
  if (subject === 'case') await assertCaseVisible(em, viewer, tenantId, subjectId);
  else if (subject === 'account') await assertAccountVisible(em, viewer, tenantId, subjectId);
  else await assertDebtorVisible(em, viewer, tenantId, subjectId);
}
