import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requirePermission,
  Role,
} from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { invalidArgument, textArg } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { caseScopeOf } from '@qingshou/core';
import { applyAssignment } from './apply-assignment';
import { AssignCase, AssignCaseResult } from './assign-case.command';

/** Roles that carry cases; an auditor or finance clerk is never a case's assignee. */
const ASSIGNABLE: readonly Role[] = [
  'phone-collector',
  'field-collector',
  'supervisor',
  'legal',
  'manager',
];

@CommandHandler(AssignCase)
export class AssignCaseHandler implements ICommandHandler<AssignCase, AssignCaseResult> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: AssignCase): Promise<AssignCaseResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'case.assign');
    const input = command.input;
    const note = textArg(input.handoverNote, 'handoverNote');
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const assigneeTeams = await this.assignableUserTeams(w, input.assigneeId);
      const teamId = this.resolveTeam(input.teamId, found.teamId, assigneeTeams);
      if (caseScopeOf(viewer).kind === 'teams') {
        const mine = await this.teamsOf(w, command.actorId);
        if (!teamId || !mine.includes(teamId)) {
          throw new ForbiddenError('A supervisor assigns cases only within their own teams');
        }
      }
      if (found.assigneeId === input.assigneeId && found.teamId === teamId) {
        return {
          caseId: found.id,
          assigneeId: input.assigneeId,
          teamId,
          changed: false,
          tasksMoved: 0,
        };
      }
      const previous = found.assigneeId;
      if (previous && previous !== input.assigneeId && !note) {
        invalidArgument(
          'handoverNote',
          'is required when a case passes from one collector to another (交接)',
        );
      }
      const { tasksMoved } = await applyAssignment(w, found, input.assigneeId, teamId, note);
      return {
        caseId: found.id,
        assigneeId: input.assigneeId,
        teamId,
        changed: true,
        tasksMoved,
      };
    });
  }

  /** The assignee's team ids; 404 for an unknown user, 400 for one who cannot carry cases. */
  private async assignableUserTeams(w: CaseWork, userId: string): Promise<string[]> {
    const users = await w.em.execute<{ roles: Role[]; status: string }[]>(
      `select roles, status from users where tenant_id = ? and id = ?`,
      [w.tenantId, userId],
    );
    const user = users[0];
    if (!user) throw new NotFoundError('user', userId);
    if (user.status !== 'active') invalidArgument('assigneeId', 'is a disabled user');
    if (!user.roles.some((role) => ASSIGNABLE.includes(role))) {
      invalidArgument('assigneeId', `must have one of the roles: ${ASSIGNABLE.join(', ')}`);
    }
    return this.teamsOf(w, userId);
  }

  private async teamsOf(w: CaseWork, userId: string): Promise<string[]> {
    const rows = await w.em.execute<{ team_id: string }[]>(
      `select team_id from team_members where tenant_id = ? and user_id = ? order by team_id`,
      [w.tenantId, userId],
    );
    return rows.map((r) => r.team_id);
  }

  private resolveTeam(
    requested: string | undefined,
    current: string | null,
    teams: string[],
  ): string | null {
    if (requested) {
      if (!teams.includes(requested))
        invalidArgument('teamId', 'the assignee is not a member of this team');
      return requested;
    }
    if (current && teams.includes(current)) return current;
    return teams.length === 1 ? teams[0] : null;
  }
}
