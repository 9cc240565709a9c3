import type { ParameterType } from './value-kinds';

/** Kinds of names a pack declares and then refers to. */
export const REF_KINDS = [
  'role',
  'taskKind',
  'flag',
  'stage',
  'template',
  'report',
  'drive',
  'groupType',
  'attribute',
  'approvalKind',
  'reasonCode',
  'importMapping',
  'target',
  'accountType',
  'metric',
  'event',
  /** Where a target or report is broken down: a group type, or tenant / collector / team. */
  'scope',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

export interface DeclaredParameter {
  readonly type: ParameterType;
  readonly values?: readonly string[];
}

/**
 * What the pack declares, gathered from the raw (merged) pack before validation, so a
 * reference check can say "not declared" even when the declaration itself has other errors.
 */
export interface ValidationContext {
  readonly params: ReadonlyMap<string, DeclaredParameter>;
  readonly refs: Readonly<Record<RefKind, ReadonlySet<string>>>;
  /** Phases of each drive, for `drivePhase`. */
  readonly drivePhases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Allowed values of each enum attribute, for `attribute`. */
  readonly attributeValues: ReadonlyMap<string, ReadonlySet<string>>;
  /** Approval kinds declared with an approver, so an action may omit `by`. */
  readonly approvalKindsWithApprover: ReadonlySet<string>;
  /** Templates with `purpose: plan-agreement`: printed from the plan panel, never sent as a notice. */
  readonly planAgreements: ReadonlySet<string>;
}

let current: ValidationContext | null = null;

/**
 * class-validator constraints cannot see the root object, so reference checks read the
 * context set here. Validation runs synchronously (validateSync) inside `fn`, which is what
 * makes a module-level slot safe.
 */
export function withValidationContext<T>(context: ValidationContext, fn: () => T): T {
  const previous = current;
  current = context;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

export function validationContext(): ValidationContext | null {
  return current;
}

export function emptyContext(): ValidationContext {
  const refs = Object.fromEntries(REF_KINDS.map((k) => [k, new Set<string>()])) as Record<
    RefKind,
    Set<string>
  >;
  return {
    params: new Map(),
    refs,
    drivePhases: new Map(),
    attributeValues: new Map(),
    approvalKindsWithApprover: new Set(),
    planAgreements: new Set(),
  };
}
