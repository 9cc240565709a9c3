import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { caseScopeOf, requirePermission, visibleCasesSql } from '@qingshou/core';
import { applyAssignment, ASSIGN_TASK } from '../assign-case/apply-assignment';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus, type CaseStatus } from '../domain/vocabulary';
import { AssignmentPolicy } from '../ports/assignment-policy';
import { invalidArgument } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { isoInstant } from '../support/sql-values';
import { planAssignments, type Collector, type PoolCase } from './auto-assign-plan';
import {
  AutoAssignCases,
  AutoAssignCasesResult,
  PlannedAssignment,
  SkipReason,
} from './auto-assign-cases.command';

const MAX_CASES = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(AutoAssignCases)
export class AutoAssignCasesHandler implements ICommandHandler<
  AutoAssignCases,
  AutoAssignCasesResult
> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly policy: AssignmentPolicy,
  ) {}

  async execute(command: AutoAssignCases): Promise<AutoAssignCasesResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'case.assign');
    const ids = [...new Set(command.input.caseIds.map(String))];
    if (ids.length === 0) invalidArgument('caseIds', 'must name at least one case');
    if (ids.length > MAX_CASES) invalidArgument('caseIds', `must name at most ${MAX_CASES} cases`);
    if (!ids.every((id) => UUID.test(id))) invalidArgument('caseIds', 'must be case ids');
    const rules = await this.policy.rules(command.tenantId);
    return this.tx.run(command, async (w) => {
      const supervisor = caseScopeOf(viewer).kind === 'teams' ? command.actorId : null;
      const collectors = await this.collectors(w, rules.collectorRoles, supervisor);
      const myTeams = supervisor ? await this.teamsOf(w, supervisor) : null;
      const { pool, taken } = await this.pool(w, ids);
      const teams = await w.em.execute<{ id: string; name: string }[]>(
        `select id, name from teams where tenant_id = ?`,
        [w.tenantId],
      );
      const plan = planAssignments(
        rules,
        collectors,
        pool,
        new Map(teams.map((t) => [t.name, t.id])),
      );
      const names = new Map(pool.map((c) => [c.id, c.debtorName]));
      const assignments: PlannedAssignment[] = plan.lines.map((line) => ({
        caseId: line.caseId,
        debtorName: names.get(line.caseId) ?? '',
        assigneeId: line.collector.id,
        assigneeName: line.collector.name,
        teamId: teamFor(line.collector.teams, line.teamName, teams, myTeams),
      }));
      if (!command.input.preview) {
        for (const a of assignments) {
          const found = await w.loadCase(a.caseId);
          await applyAssignment(w, found, a.assigneeId, a.teamId, undefined);
        }
      }
      const after = new Map<string, number>();
      for (const a of assignments) after.set(a.assigneeId, (after.get(a.assigneeId) ?? 0) + 1);
      const skipped = [
        ...taken.map((t) => ({ ...t, reason: 'not-unassigned' as SkipReason })),
        ...plan.skipped.map((s) => ({ ...s, debtorName: names.get(s.caseId) ?? '' })),
      ];
      return {
        rule: rules.rule,
        maxOpenCases: rules.rule === 'capacity' ? rules.maxOpenCases : null,
        preview: command.input.preview,
        assignments,
        skipped,
        loads: collectors.map((c) => ({
          userId: c.id,
          name: c.name,
          before: c.open,
          after: c.open + (after.get(c.id) ?? 0),
        })),
        slaDueAt: await this.slaDueAt(w, ids),
      };
    });
  }

  /** Active users holding a collector role; a supervisor's: those sharing a team with them. */
  private async collectors(
    w: CaseWork,
    roles: readonly string[],
    supervisor: string | null,
  ): Promise<Collector[]> {
    const rows = await w.em.execute<{ id: string; name: string; open: number; teams: string[] }[]>(
      `select u.id, u.display_name as name,
              (select count(*) from cases c where c.tenant_id = u.tenant_id
                  and c.assignee_id = u.id and c.closed_on is null)::int as open,
              array(select tm.team_id::text from team_members tm
                     where tm.tenant_id = u.tenant_id and tm.user_id = u.id
                     order by tm.team_id) as teams
       from users u
       where u.tenant_id = ? and u.status = 'active' and u.roles && ?::text[]
         and (?::uuid is null or exists (
               select 1 from team_members tm join team_members me
                 on me.tenant_id = tm.tenant_id and me.team_id = tm.team_id
               where tm.tenant_id = u.tenant_id and tm.user_id = u.id and me.user_id = ?::uuid))
       order by u.username, u.id`,
      [w.tenantId, `{${roles.join(',')}}`, supervisor, supervisor],
    );
    return rows.map((r) => ({ ...r, open: Number(r.open) }));
  }

  /** The selected cases the caller may see: still unassigned and open, or `taken`. */
  private async pool(
    w: CaseWork,
    ids: readonly string[],
  ): Promise<{ pool: PoolCase[]; taken: { caseId: string; debtorName: string }[] }> {
    const visible = visibleCasesSql(w.viewer);
    const rows = await w.em.execute<
      {
        id: string;
        debtor_name: string;
        assignee_id: string | null;
        status: string;
        groups: string[];
      }[]
    >(
      `select c.id, d.name as debtor_name, c.assignee_id, c.status,
              array(select g.name from debtor_group_members gm
                     join debtor_groups g on g.tenant_id = gm.tenant_id and g.id = gm.group_id
                     where gm.tenant_id = c.tenant_id and gm.debtor_id = c.debtor_id
                     order by g.name) as groups
       from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where c.tenant_id = ? and c.id = any(?::uuid[]) and ${visible.sql}
       order by c.opened_on, c.id`,
      [w.tenantId, `{${ids.join(',')}}`, ...visible.params],
    );
    const open = (r: (typeof rows)[number]) =>
      r.assignee_id === null && !isClosedStatus(r.status as CaseStatus);
    return {
      pool: rows
        .filter(open)
        .map((r) => ({ id: r.id, debtorName: r.debtor_name, groups: r.groups })),
      taken: rows.filter((r) => !open(r)).map((r) => ({ caseId: r.id, debtorName: r.debtor_name })),
    };
  }

  private async teamsOf(w: CaseWork, userId: string): Promise<string[]> {
    const rows = await w.em.execute<{ team_id: string }[]>(
      `select team_id from team_members where tenant_id = ? and user_id = ? order by team_id`,
      [w.tenantId, userId],
    );
    return rows.map((r) => r.team_id);
  }

  private async slaDueAt(w: CaseWork, ids: readonly string[]): Promise<string | null> {
    const [row] = await w.em.execute<{ due: string | null }[]>(
      `select min(sla_due_at) as due from tasks
       where tenant_id = ? and case_id = any(?::uuid[]) and kind = ? and role = ?
         and sla_due_at is not null`,
      [w.tenantId, `{${ids.join(',')}}`, ASSIGN_TASK.kind, ASSIGN_TASK.role],
    );
    return isoInstant(row?.due ?? null);
  }
}

/**
 * The team the case joins: the one the rule named; else, for a supervisor, the first of the
 * collector's teams that is also theirs (they assign only within their teams); else the
 * collector's only team.
 */
function teamFor(
  collectorTeams: readonly string[],
  ruleTeam: string | null,
  teams: readonly { id: string; name: string }[],
  myTeams: readonly string[] | null,
): string | null {
  const named = ruleTeam ? teams.find((t) => t.name === ruleTeam)?.id : undefined;
  if (named && (!myTeams || myTeams.includes(named))) return named;
  if (myTeams) return collectorTeams.find((t) => myTeams.includes(t)) ?? null;
  return collectorTeams.length === 1 ? collectorTeams[0] : null;
}
