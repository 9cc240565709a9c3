import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  ConflictError,
  NotFoundError,
  requirePermission,
  ValidationFailedError,
  viewerOf,
} from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { pgTextArray } from '../../kpi/sql/account-state.sql';
import { selectSubjects } from '../../kpi/sql/select-subjects';
import { checkDate, pinnedPack, tenantTimeZone } from '../../kpi/support/pinned-pack';
import type { LocalizedText } from '@qingshou/policy';
import { DatedPhase, launchDates, PhaseDateError } from '../domain/phase-dates';
import { loadDrive } from '../support/drive-rows';
import { DriveItem, phaseItems } from './launch-items';
import { LaunchDrive, LaunchedDrive } from './launch-drive.command';

@CommandHandler(LaunchDrive)
export class LaunchDriveHandler implements ICommandHandler<LaunchDrive, LaunchedDrive> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: LaunchDrive): Promise<LaunchedDrive> {
    requirePermission(viewerOf(command), 'drive.launch');
    const launchDate = checkDate(command.launchDate, 'launchDate');
    return this.tx.run(command.tenantId, async (em) => {
      const pack = await pinnedPack(em, command.tenantId);
      const spec = pack.spec.drives.find((d) => d.id === command.driveKey);
      if (!spec) throw new NotFoundError(`drive of pack ${pack.packId}`, command.driveKey);
      let dated: DatedPhase[];
      try {
        dated = launchDates(spec.phases, launchDate);
      } catch (error) {
        if (!(error instanceof PhaseDateError)) throw error;
        throw new ValidationFailedError('The drive cannot be dated', [
          { path: 'drive', reason: error.message },
        ]);
      }
      const endsOn = dated[dated.length - 1].endsOn;
      await lockDrives(em, command.tenantId, command.driveKey);
      const existing = await em.execute<{ id: string; launch_date: string }[]>(
        `select id, launch_date::text from drives
         where tenant_id = ? and drive_key = ? and launch_date <= ? and ends_on >= ?`,
        [command.tenantId, command.driveKey, endsOn, launchDate],
      );
      if (existing[0]?.launch_date === launchDate) return this.repeat(em, command, existing[0].id);
      if (existing[0]) {
        throw new ConflictError(
          `Drive ${command.driveKey} launched on ${existing[0].launch_date} is still running over these dates`,
        );
      }
      const timeZone = await tenantTimeZone(em, command.tenantId);
      const scope = await selectSubjects(
        em,
        command.tenantId,
        pack,
        timeZone,
        launchDate,
        'debtor',
        spec.scope ?? { dpd: { min: 0 } },
      );
      const cases = await liveCases(
        em,
        command.tenantId,
        scope.subjects.map((s) => s.debtorId),
      );
      const id = randomUUID();
      const now = this.clock.now();
      await em.execute(
        `insert into drives (tenant_id, id, drive_key, names, pack_id, pack_version, launch_date,
                             ends_on, launched_by, launched_at)
         values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)`,
        [
          command.tenantId,
          id,
          spec.id,
          JSON.stringify(spec.names),
          pack.packId,
          pack.version,
          launchDate,
          endsOn,
          command.actorId,
          now,
        ],
      );
      for (const [i, phase] of dated.entries()) {
        const phaseSpec = spec.phases[i];
        await em.execute(
          `insert into drive_phases (tenant_id, drive_id, seq, phase_key, names, starts_on, ends_on, targets)
           values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::text[])`,
          [
            command.tenantId,
            id,
            i + 1,
            phase.id,
            JSON.stringify(phaseSpec.names),
            phase.startsOn,
            phase.endsOn,
            pgTextArray(phaseSpec.targets),
          ],
        );
      }
      await insertCases(em, command.tenantId, id, cases);
      const kindNames = new Map<string, LocalizedText>(
        pack.spec.taskKinds.map((k) => [k.code, k.names]),
      );
      const items = spec.phases.flatMap((phase, i) =>
        phaseItems(
          phase,
          dated[i],
          cases.map((c) => c.caseId),
          kindNames,
        ),
      );
      await insertItems(em, command.tenantId, id, items);
      const phases = dated.map((p) => ({ key: p.id, startsOn: p.startsOn, endsOn: p.endsOn }));
      const after = {
        driveKey: spec.id,
        launchDate,
        endsOn,
        phases,
        cases: cases.length,
        items: items.length,
      };
      await this.events.append(em, { ...command, occurredAt: now }, [
        {
          type: 'DriveLaunched',
          aggregateType: 'drive',
          aggregateId: id,
          payload: { ...after, packId: pack.packId, version: pack.version },
          before: null,
          after,
          publish: ['domain-events'],
        },
      ]);
      return { id, created: true, ...after, scopeProblems: scope.problems };
    });
  }

  private async repeat(
    em: EntityManager,
    command: LaunchDrive,
    id: string,
  ): Promise<LaunchedDrive> {
    const { drive, phases } = await loadDrive(em, command.tenantId, id);
    const counts = await em.execute<{ cases: string; items: string }[]>(
      `select (select count(*) from drive_cases where tenant_id = ? and drive_id = ?)::text as cases,
              (select count(*) from drive_items where tenant_id = ? and drive_id = ?)::text as items`,
      [command.tenantId, id, command.tenantId, id],
    );
    return {
      id,
      created: false,
      driveKey: drive.driveKey,
      launchDate: drive.launchDate,
      endsOn: drive.endsOn,
      phases: phases.map((p) => ({ key: p.phaseKey, startsOn: p.startsOn, endsOn: p.endsOn })),
      cases: Number(counts[0].cases),
      items: Number(counts[0].items),
      scopeProblems: [],
    };
  }
}

/** Serialises launches of one drive per tenant, so two never overlap. */
async function lockDrives(em: EntityManager, tenantId: string, driveKey: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`drive:${tenantId}:${driveKey}`]);
}

async function liveCases(
  em: EntityManager,
  tenantId: string,
  debtorIds: string[],
): Promise<{ caseId: string; debtorId: string }[]> {
  if (debtorIds.length === 0) return [];
  const rows = await em.execute<{ id: string; debtor_id: string }[]>(
    `select id, debtor_id from cases
     where tenant_id = ? and debtor_id = any(?::uuid[]) and closed_on is null
     order by debtor_id, id`,
    [tenantId, pgTextArray(debtorIds)],
  );
  return rows.map((r) => ({ caseId: r.id, debtorId: r.debtor_id }));
}

async function insertCases(
  em: EntityManager,
  tenantId: string,
  driveId: string,
  cases: { caseId: string; debtorId: string }[],
): Promise<void> {
  for (let i = 0; i < cases.length; i += 500) {
    const chunk = cases.slice(i, i + 500);
    await em.execute(
      `insert into drive_cases (tenant_id, drive_id, case_id, debtor_id)
       values ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((c) => [tenantId, driveId, c.caseId, c.debtorId]),
    );
  }
}

async function insertItems(
  em: EntityManager,
  tenantId: string,
  driveId: string,
  items: DriveItem[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 400) {
    const chunk = items.slice(i, i + 400);
    await em.execute(
      `insert into drive_items (tenant_id, id, drive_id, phase_key, kind, item_key, names, role,
                                case_id, quantity, status, due_on)
       values ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'open', ?)").join(', ')}`,
      chunk.flatMap((it) => [
        tenantId,
        randomUUID(),
        driveId,
        it.phaseKey,
        it.kind,
        it.itemKey,
        it.names ? JSON.stringify(it.names) : null,
        it.role,
        it.caseId,
        it.quantity,
        it.dueOn,
      ]),
    );
  }
}
