/** A problem relative to the object that found it: '' is the object itself. */
export interface RelativeProblem {
  readonly path: string;
  readonly reason: string;
}

/** Cross-field checks a pack class runs once parameters are substituted. */
export interface Refinable {
  refine(): RelativeProblem[];
}

export function isRefinable(value: unknown): value is Refinable {
  return typeof (value as Refinable | null)?.refine === 'function';
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * One entry of a closed registry: a name packs write, the class-validator class of its
 * arguments, and the documentation the format reference prints.
 */
export interface RegistryEntry<A extends object = object> {
  readonly args: new () => A;
  readonly summary: Bilingual;
  /** A YAML example as a pack writes it. */
  readonly example: string;
  /** Turns a shorthand (`dpd: 4`, `task: visit`) into the canonical arguments object. */
  readonly normalize?: (value: unknown) => unknown;
  /**
   * Set when the canonical object wraps a scalar the author wrote directly
   * (`settledBefore: { param: amnestyDate }`): problems on that property are reported at
   * the condition's own path.
   */
  readonly scalarProperty?: string;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `[a, b]` or `a` → `{ in: [...] }`, the shorthand of every "is one of" condition. */
export function listShorthand(value: unknown): unknown {
  if (Array.isArray(value)) return { in: value };
  if (typeof value === 'string') return { in: [value] };
  return value;
}

/** A bare value → `{ [property]: value }` unless it already is the arguments object. */
export function wrapShorthand(property: string, value: unknown): unknown {
  if (isPlainObject(value) && !Object.prototype.hasOwnProperty.call(value, 'param')) return value;
  return { [property]: value };
}

export function rangeProblems(min: unknown, max: unknown): RelativeProblem[] {
  if (min === undefined && max === undefined) {
    return [{ path: '', reason: 'needs min, max or both' }];
  }
  const numeric = (v: unknown) =>
    typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN;
  if (min !== undefined && max !== undefined && numeric(min) > numeric(max)) {
    return [{ path: 'max', reason: `must be ≥ min (${String(min)})` }];
  }
  return [];
}
