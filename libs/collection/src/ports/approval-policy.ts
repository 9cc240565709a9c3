import { Injectable } from '@nestjs/common';
import { type Role, ValidationFailedError } from '@qingshou/core';
import { APPROVAL_KINDS, type ApprovalKind } from '../domain/vocabulary';

export interface ApprovalRequestContext {
  readonly tenantId: string;
  readonly caseId: string;
  /** A kind the platform knows (APPROVAL_KINDS) or one the tenant's pack declares. */
  readonly kind: string;
  readonly payload: Record<string, unknown>;
}

/**
 * PORT. Which kinds of approval a tenant may ask for and which role decides each is the
 * pack's call ("by the role the pack names"); the policy engine above this lib overrides
 * the token. `approverRole` refuses a kind the tenant does not know with
 * UnknownApprovalKindError. The manager may decide any approval regardless.
 */
export abstract class ApprovalPolicy {
  abstract approverRole(request: ApprovalRequestContext): Promise<Role>;
}

/** A kind neither the platform nor the tenant's pack declares: 400 at `kind`, listing the known ones. */
export class UnknownApprovalKindError extends ValidationFailedError {
  constructor(kind: string, known: readonly string[], source: string) {
    super(`There is no approval of kind "${kind}"`, [
      {
        path: 'kind',
        reason: `"${kind}" is not an approval kind of ${source}; known kinds: ${[...known].sort().join(', ')}`,
      },
    ]);
  }
}

/**
 * Defaults from the seeds: 篇八 sends visit plans, extensions and special procedures to the
 * 催收主管; 篇一 第四步 and 篇五 第十三条 route litigation through 法务; 篇五 第十二条 has
 * finance handle bad debts (write-off); waivers change what is owed, so the manager decides.
 */
export const DEFAULT_APPROVER_ROLES: Readonly<Record<ApprovalKind, Role>> = {
  'visit-plan': 'supervisor',
  extension: 'supervisor',
  'special-procedure': 'supervisor',
  'legal-referral': 'legal',
  'write-off': 'finance',
  waiver: 'manager',
};

export function isPlatformApprovalKind(kind: string): kind is ApprovalKind {
  return (APPROVAL_KINDS as readonly string[]).includes(kind);
}

/** Without a policy engine: the platform's kinds only, with the seeds' approvers. */
@Injectable()
export class DefaultApprovalPolicy extends ApprovalPolicy {
  async approverRole(request: ApprovalRequestContext): Promise<Role> {
    if (!isPlatformApprovalKind(request.kind)) {
      throw new UnknownApprovalKindError(request.kind, APPROVAL_KINDS, 'the platform');
    }
    return DEFAULT_APPROVER_ROLES[request.kind];
  }
}
