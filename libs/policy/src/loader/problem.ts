/** One thing wrong with a pack: where (`stages[3].when.dpd.min`) and why. */
export interface PackProblem {
  readonly path: string;
  readonly reason: string;
}

/** `a` + `b` → `a.b`; `a` + `[2]` → `a[2]`; '' joins to the other side. */
export function joinPath(parent: string, child: string): string {
  if (!parent) return child;
  if (!child) return parent;
  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}

export function formatProblem(problem: PackProblem): string {
  return `${problem.path}: ${problem.reason}`;
}

/** Loader outcome: a typed pack, or every problem found. */
export type PackResult<T> =
  | { readonly ok: true; readonly pack: T }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };
