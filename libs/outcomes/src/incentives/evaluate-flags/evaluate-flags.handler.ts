import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService, Clock } from '@qingshou/calendar';
import { DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { pgTextArray } from '../../kpi/sql/account-state.sql';
import { AccountStateTables } from '../../kpi/sql/account-state-tables';
import { selectSubjects } from '../../kpi/sql/select-subjects';
import { PinnedPack, pinnedPack, resolveAsOf, tenantTimeZone } from '../../kpi/support/pinned-pack';
import { EvaluatedFlags, EvaluateFlags, FlagChanges } from './evaluate-flags.command';

type FlagData = PinnedPack['spec']['flags'][number];

@CommandHandler(EvaluateFlags)
export class EvaluateFlagsHandler implements ICommandHandler<EvaluateFlags, EvaluatedFlags> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  execute(command: EvaluateFlags): Promise<EvaluatedFlags> {
    requirePermission(viewerOf(command), 'flag.evaluate');
    return this.tx.run(command.tenantId, async (em) => {
      const pack = await pinnedPack(em, command.tenantId);
      const timeZone = await tenantTimeZone(em, command.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, command.tenantId, command.asOf);
      const flags: FlagChanges[] = [];
      const events: DomainEvent[] = [];
      // Every flag's conditions read the same account state: computed once for the transaction.
      const tables = new AccountStateTables(em, command.tenantId);
      for (const flag of pack.spec.flags.filter((f) => f.setWhen || f.clearWhen)) {
        const select = (condition: unknown) =>
          selectSubjects(
            em,
            command.tenantId,
            pack,
            timeZone,
            asOf,
            subjectOf(flag),
            condition,
            tables,
          );
        const keyOf = (s: { debtorId: string; accountId: string | null }) =>
          subjectOf(flag) === 'account' ? (s.accountId as string) : s.debtorId;
        const live = await liveFlags(em, command.tenantId, flag);
        const clear = flag.clearWhen ? await select(flag.clearWhen) : null;
        const clearing = new Set(clear?.subjects.map(keyOf) ?? []);
        const toClear = [...live.entries()].filter(([subject]) => clearing.has(subject));
        const set = flag.setWhen ? await select(flag.setWhen) : null;
        const toSet = [...new Set(set?.subjects.map(keyOf) ?? [])].filter(
          (subject) => !live.has(subject) && !clearing.has(subject),
        );
        await this.clear(
          em,
          command,
          flag,
          toClear.map(([, id]) => id),
          asOf,
        );
        await this.set(em, command, flag, toSet, asOf);
        toClear.forEach(([subject]) => events.push(flagEvent('FlagCleared', flag, subject, asOf)));
        toSet.forEach((subject) => events.push(flagEvent('FlagSet', flag, subject, asOf)));
        flags.push({
          flag: flag.id,
          set: toSet.length,
          cleared: toClear.length,
          problems: [...(set?.problems ?? []), ...(clear?.problems ?? [])],
        });
      }
      await this.events.append(em, { ...command, occurredAt: this.clock.now() }, events);
      return { asOf, flags };
    });
  }

  private async clear(
    em: EntityManager,
    command: EvaluateFlags,
    flag: FlagData,
    ids: string[],
    asOf: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    await em.execute(
      `update pack_flags set cleared_on = greatest(?::date, set_on), cleared_by = ?
       where tenant_id = ? and flag = ? and id = any(?::uuid[]) and cleared_on is null`,
      [asOf, command.actorId, command.tenantId, flag.id, pgTextArray(ids)],
    );
  }

  private async set(
    em: EntityManager,
    command: EvaluateFlags,
    flag: FlagData,
    subjects: string[],
    asOf: string,
  ): Promise<void> {
    for (let i = 0; i < subjects.length; i += 500) {
      const chunk = subjects.slice(i, i + 500);
      await em.execute(
        `insert into pack_flags (tenant_id, id, flag, subject, subject_id, set_on, set_by)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict do nothing`,
        chunk.flatMap((subject) => [
          command.tenantId,
          randomUUID(),
          flag.id,
          subjectOf(flag),
          subject,
          asOf,
          command.actorId,
        ]),
      );
    }
  }
}

function subjectOf(flag: FlagData): 'debtor' | 'account' {
  return flag.subject === 'account' ? 'account' : 'debtor';
}

/** Live flags of this kind: subject id → row id. */
async function liveFlags(
  em: EntityManager,
  tenantId: string,
  flag: FlagData,
): Promise<Map<string, string>> {
  const rows = await em.execute<{ id: string; subject_id: string }[]>(
    `select id, subject_id from pack_flags
     where tenant_id = ? and flag = ? and subject = ? and cleared_on is null`,
    [tenantId, flag.id, subjectOf(flag)],
  );
  return new Map(rows.map((r) => [r.subject_id, r.id]));
}

function flagEvent(type: string, flag: FlagData, subject: string, asOf: string): DomainEvent {
  const set = type === 'FlagSet';
  const state = (live: boolean) => ({ flag: flag.id, live });
  return {
    type,
    aggregateType: subjectOf(flag),
    aggregateId: subject,
    payload: {
      flag: flag.id,
      kind: flag.kind,
      effects: flag.effects,
      asOf,
      by: set ? 'setWhen' : 'clearWhen',
    },
    before: state(!set),
    after: state(set),
    publish: ['domain-events'],
  };
}
