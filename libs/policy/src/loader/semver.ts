/**
 * The little semver the packs need: versions MAJOR.MINOR.PATCH (with an optional
 * -prerelease), and ranges "1.2.3", "^1.2.3", "~1.2.3", ">=1.2.3", "1.x", "1", "*".
 * Written here rather than adding a dependency; extends and install use nothing else.
 */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease?: string;
}

export function parseVersion(text: unknown): SemVer | null {
  if (typeof text !== 'string') return null;
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  return { major: +m[1], minor: +m[2], patch: +m[3], ...(m[4] ? { prerelease: m[4] } : {}) };
}

export function isVersion(text: unknown): text is string {
  return parseVersion(text) !== null;
}

export function versionProblem(text: unknown): string | null {
  if (typeof text === 'number') {
    return `must be a quoted semantic version like "${text}.0" (YAML read ${text} as a number)`;
  }
  return isVersion(text) ? null : `"${String(text)}" is not a semantic version (MAJOR.MINOR.PATCH)`;
}

/** Negative, zero or positive like a comparator; a prerelease sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new RangeError(`cannot compare "${a}" and "${b}"`);
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (x[key] !== y[key]) return x[key] - y[key];
  }
  if (x.prerelease === y.prerelease) return 0;
  if (!x.prerelease) return 1;
  if (!y.prerelease) return -1;
  return x.prerelease < y.prerelease ? -1 : 1;
}

type Bound = { readonly min: string; readonly below?: string; readonly exact?: boolean };

/** [min, below) for a range, or null when the range is malformed. */
export function parseRange(range: string): Bound | null {
  const text = range.trim();
  if (text === '*' || text === '') return { min: '0.0.0-0' };
  if (text.startsWith('>='))
    return isVersion(text.slice(2).trim()) ? { min: text.slice(2).trim() } : null;
  const partial = /^(\d+)(?:\.(\d+|x))?(?:\.x)?$/.exec(text);
  if (partial) {
    const major = Number(partial[1]);
    if (partial[2] === undefined || partial[2] === 'x') {
      return { min: `${major}.0.0`, below: `${major + 1}.0.0-0` };
    }
    const minor = Number(partial[2]);
    return { min: `${major}.${minor}.0`, below: `${major}.${minor + 1}.0-0` };
  }
  const caret = text.startsWith('^');
  const tilde = text.startsWith('~');
  // "^1" and "~1.2" mean "^1.0.0" and "~1.2.0".
  let min = caret || tilde ? text.slice(1).trim() : text;
  if ((caret || tilde) && /^\d+(\.\d+)?$/.test(min))
    min = `${min}.0.0`.split('.').slice(0, 3).join('.');
  const base = parseVersion(min);
  if (!base) return null;
  if (!caret && !tilde) return { min, exact: true };
  if (tilde) return { min, below: `${base.major}.${base.minor + 1}.0-0` };
  if (base.major > 0) return { min, below: `${base.major + 1}.0.0-0` };
  if (base.minor > 0) return { min, below: `0.${base.minor + 1}.0-0` };
  return { min, below: `0.0.${base.patch + 1}-0` };
}

export function isRange(range: string): boolean {
  return parseRange(range) !== null;
}

export function satisfies(version: string, range: string): boolean {
  const bound = parseRange(range);
  if (!bound || !isVersion(version)) return false;
  if (bound.exact) return compareVersions(version, bound.min) === 0;
  if (compareVersions(version, bound.min) < 0) return false;
  return bound.below === undefined || compareVersions(version, bound.below) < 0;
}
