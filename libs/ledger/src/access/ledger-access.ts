import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, Role } from '@qingshou/core';

/** Who is reading: the same shape every edge builds from the principal. */
export interface LedgerViewer {
  readonly userId: string;
  readonly roles: readonly Role[];
}

/**
 * Port: may this viewer see this debtor's or account's ledger? The answer depends on case
 * assignment, which lives in libs/collection above this lib, so collection provides the
 * real rule (篇八: a collector sees only what is assigned to them). Refusals read as 404
 * so that ids do not leak.
 */
export abstract class LedgerAccess {
  abstract assertDebtorVisible(
    em: EntityManager,
    viewer: LedgerViewer,
    debtorId: string,
  ): Promise<void>;
  abstract assertAccountVisible(
    em: EntityManager,
    viewer: LedgerViewer,
    accountId: string,
  ): Promise<void>;
}

const CASE_BOUND_ROLES: readonly Role[] = ['phone-collector', 'field-collector', 'supervisor'];

/**
 * The rule when no case module is present: back-office roles read every ledger; roles whose
 * view is bounded by case assignment read none. Failing closed keeps a forgotten wiring safe.
 */
export class BackOfficeLedgerAccess extends LedgerAccess {
  async assertDebtorVisible(
    _em: EntityManager,
    viewer: LedgerViewer,
    debtorId: string,
  ): Promise<void> {
    if (isCaseBound(viewer)) throw new NotFoundError('Debtor', debtorId);
  }

  async assertAccountVisible(
    _em: EntityManager,
    viewer: LedgerViewer,
    accountId: string,
  ): Promise<void> {
    if (isCaseBound(viewer)) throw new NotFoundError('Account', accountId);
  }
}

/** True when the viewer's reach is limited to cases (no back-office role among theirs). */
export function isCaseBound(viewer: LedgerViewer): boolean {
  const backOffice = viewer.roles.some((role) => !CASE_BOUND_ROLES.includes(role));
  return !backOffice;
}
