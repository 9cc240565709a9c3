import { Injectable } from '@nestjs/common';
import type { Role } from '@qingshou/core';
import type { ApprovalKind } from '../domain/vocabulary';

export interface ApprovalRequestContext {
  readonly tenantId: string;
  readonly caseId: string;
  readonly kind: ApprovalKind;
  readonly payload: Record<string, unknown>;
}

/**
 * PORT. Which role approves what is the pack's call ("by the role the pack names"); the policy
 * engine above this lib overrides the token. The manager may decide any approval regardless.
 */
export abstract class ApprovalPolicy {
  abstract approverRole(request: ApprovalRequestContext): Promise<Role>;
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

@Injectable()
export class DefaultApprovalPolicy extends ApprovalPolicy {
  async approverRole(request: ApprovalRequestContext): Promise<Role> {
    return DEFAULT_APPROVER_ROLES[request.kind];
  }
}
