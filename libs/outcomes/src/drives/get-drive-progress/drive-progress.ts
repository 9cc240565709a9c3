import { EntityManager } from '@mikro-orm/postgresql';
import { compareLocalDates, type LocalDate } from '@qingshou/calendar';
import type { PinnedPack } from '../../kpi/support/pinned-pack';
import { evaluateTarget, TargetView } from '../../kpi/targets/evaluate-targets';
import { loadDrive } from '../support/drive-rows';
import { DriveProgress, GroupProgress, PhaseProgress } from './get-drive-progress.query';
import type { DriveFigures } from './drive-figures';
import { progressCells } from './progress.sql';

const earlier = (a: LocalDate, b: LocalDate) => (compareLocalDates(a, b) <= 0 ? a : b);

/**
 * Shared by GetDriveProgress, the progress publication (which stores it) and the night's
 * snapshot (which records the figures it computes); `figures` says where the costly ones
 * come from (see DriveFigures).
 */
export async function driveProgress(
  em: EntityManager,
  figures: DriveFigures,
  ctx: { tenantId: string; timeZone: string; pack: PinnedPack },
  driveId: string,
  asOf: LocalDate,
): Promise<DriveProgress> {
  const { drive, phases } = await loadDrive(em, ctx.tenantId, driveId);
  const scope = {
    tenantId: ctx.tenantId,
    driveId,
    asOf,
    timeZone: ctx.timeZone,
    accountTypes: ctx.pack.spec.accountTypes,
    groupTypes: ctx.pack.spec.groupTypes,
  };
  const cells = await progressCells(em, scope, await figures.recovered(em, scope));
  const empty = {
    tasks: { done: 0, total: 0 },
    deliverables: { done: 0, total: 0 },
    recovered: '0.00',
  };
  const stateOf = (p: (typeof phases)[number]): PhaseProgress['state'] =>
    compareLocalDates(asOf, p.startsOn) < 0
      ? 'upcoming'
      : compareLocalDates(asOf, p.endsOn) > 0
        ? 'ended'
        : 'current';
  const phaseViews: PhaseProgress[] = [];
  for (const p of phases) {
    const whole = cells.find((c) => c.phaseKey === p.phaseKey && c.groupId === null) ?? empty;
    const targets: TargetView[] = [];
    const state = stateOf(p);
    for (const id of state === 'upcoming' ? [] : p.targets) {
      const target = ctx.pack.spec.targets.find((t) => t.id === id);
      if (!target) continue;
      const window = { name: 'phase', start: p.startsOn, end: p.endsOn };
      targets.push(
        await evaluateTarget(
          em,
          figures.phase(p.phaseKey),
          ctx,
          target,
          earlier(asOf, p.endsOn),
          target.per,
          window,
        ),
      );
    }
    phaseViews.push({
      key: p.phaseKey,
      names: p.names,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      state,
      tasks: whole.tasks,
      deliverables: whole.deliverables,
      recovered: whole.recovered,
      targets,
    });
  }
  const groups = new Map<string, GroupProgress>();
  for (const c of cells.filter((x) => x.groupId !== null)) {
    const id = c.groupId as string;
    const group = groups.get(id) ?? {
      groupType: c.groupType as string,
      groupId: id,
      groupCode: c.groupCode as string,
      groupName: c.groupName as string,
      phases: phases.map((p) => ({ key: p.phaseKey, ...empty })),
    };
    const own = { tasks: c.tasks, deliverables: c.deliverables, recovered: c.recovered };
    groups.set(id, {
      ...group,
      phases: group.phases.map((gp) => (gp.key === c.phaseKey ? { key: gp.key, ...own } : gp)),
    });
  }
  const count = await em.execute<{ n: string }[]>(
    `select count(*)::text as n from drive_cases where tenant_id = ? and drive_id = ?`,
    [ctx.tenantId, driveId],
  );
  return {
    drive: {
      id: drive.id,
      key: drive.driveKey,
      names: drive.names,
      launchDate: drive.launchDate,
      endsOn: drive.endsOn,
      packVersion: drive.packVersion,
    },
    asOf,
    currentPhase: phaseViews.find((p) => p.state === 'current')?.key ?? null,
    cases: Number(count[0].n),
    phases: phaseViews,
    groups: [...groups.values()].sort((a, b) =>
      `${a.groupType}|${a.groupCode}`.localeCompare(`${b.groupType}|${b.groupCode}`),
    ),
    figuresAt: figures.computedAt?.toISOString() ?? null,
  };
}
