import { NotFoundError } from '@qingshou/core';
import { TeamMember } from '../entities/team.entity';
import { invalidArgument, oneOf } from '../support/args';
import type { CaseWork } from '../support/collection-tx';
import type { TeamMemberInput } from './create-team.command';

/** Adds members after checking each user exists in the tenant; shared by create and add. */
export async function addMembers(
  w: CaseWork,
  teamId: string,
  members: readonly TeamMemberInput[],
): Promise<TeamMemberInput[]> {
  const ids = members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) invalidArgument('members', 'lists a user twice');
  if (ids.length === 0) return [];
  const found = await w.em.execute<{ id: string }[]>(
    `select id from users where tenant_id = ? and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`,
    [w.tenantId, JSON.stringify(ids)],
  );
  const missing = ids.find((id) => !found.some((row) => row.id === id));
  if (missing) throw new NotFoundError('user', missing);
  return members.map((member, i) => {
    const role = oneOf(member.role, ['lead', 'member'] as const, `members[${i}].role`);
    w.em.create(TeamMember, {
      tenantId: w.tenantId,
      teamId,
      userId: member.userId,
      role,
      addedAt: w.now,
    });
    return { userId: member.userId, role };
  });
}
