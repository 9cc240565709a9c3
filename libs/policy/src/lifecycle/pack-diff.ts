import canonicalize from 'canonicalize';
import { MERGED_LISTS } from '../loader/merge';
import type { ResolvedPack } from '../loader/resolved-pack';
import { compareVersions } from '../loader/semver';

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ListDiff {
  readonly added: { id: string; item: unknown }[];
  readonly removed: { id: string; item: unknown }[];
  readonly changed: { id: string; changes: FieldChange[] }[];
  /** The same ids in another order: for stages, which one wins can change. */
  readonly reordered: boolean;
}

export interface PackDiff {
  readonly from: { packId: string; version: string; digest: string } | null;
  readonly to: { packId: string; version: string; digest: string };
  readonly packChanged: boolean;
  readonly versionChange: 'install' | 'upgrade' | 'downgrade' | 'same';
  /** Declarations: parameters added, removed, or with a changed type, default or bounds. */
  readonly parameters: ListDiff;
  /** Effective values, defaults and the tenant's overrides together. */
  readonly paramValues: FieldChange[];
  /** Keyed sections (stages, targets, incentives…), only those that differ. */
  readonly sections: Readonly<Record<string, ListDiff>>;
  /** Single settings: calendar.timeZone, contactRules.maxAttemptsPerDay, caseScope… */
  readonly settings: FieldChange[];
  readonly templates: { added: string[]; removed: string[]; changed: string[] };
  /** How many things differ; 0 means an upgrade would change nothing. */
  readonly changes: number;
}

type Raw = Record<string, unknown>;
const same = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);

function diffList(before: unknown, after: unknown, key: string): ListDiff {
  const list = (v: unknown) => (Array.isArray(v) ? (v as Raw[]) : []);
  const a = list(before);
  const b = list(after);
  const idOf = (item: Raw) => String(item[key]);
  const beforeIds = new Map(a.map((item) => [idOf(item), item]));
  const afterIds = new Map(b.map((item) => [idOf(item), item]));
  const changed: ListDiff['changed'] = [];
  for (const [id, item] of afterIds) {
    const old = beforeIds.get(id);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(item)])];
    const changes = fields
      .filter((field) => !same(old[field], item[field]))
      .map((field) => ({ field, before: old[field] ?? null, after: item[field] ?? null }));
    if (changes.length) changed.push({ id, changes });
  }
  const common = (ids: string[], other: Map<string, Raw>) => ids.filter((id) => other.has(id));
  return {
    added: b.filter((item) => !beforeIds.has(idOf(item))).map((item) => ({ id: idOf(item), item })),
    removed: a
      .filter((item) => !afterIds.has(idOf(item)))
      .map((item) => ({ id: idOf(item), item })),
    changed,
    reordered: !same(common(a.map(idOf), afterIds), common(b.map(idOf), beforeIds)),
  };
}

const isEmpty = (d: ListDiff) =>
  !d.added.length && !d.removed.length && !d.changed.length && !d.reordered;
const count = (d: ListDiff) =>
  d.added.length + d.removed.length + d.changed.length + (d.reordered ? 1 : 0);

/** Object sections compared field by field; other scalars as a whole. */
const OBJECT_SECTIONS = [
  'calendar',
  'contactRules',
  'interest',
  'classification',
  'reasonCodes',
  'costs',
];
const SCALARS = ['names', 'description', 'audience', 'caseScope', 'accountTypes', 'groupTypes'];

function settingChanges(a: Raw, b: Raw): FieldChange[] {
  const out: FieldChange[] = [];
  for (const section of OBJECT_SECTIONS) {
    const x = (a[section] ?? {}) as Raw;
    const y = (b[section] ?? {}) as Raw;
    for (const field of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!same(x[field], y[field]))
        out.push({
          field: `${section}.${field}`,
          before: x[field] ?? null,
          after: y[field] ?? null,
        });
    }
  }
  for (const field of SCALARS) {
    if (!same(a[field], b[field]))
      out.push({ field, before: a[field] ?? null, after: b[field] ?? null });
  }
  return out;
}

/**
 * What changes when a tenant moves from `before` (its active installation, or nothing) to
 * `after`: structured, for the console and for the PackUpgraded event.
 */
export function diffPacks(before: ResolvedPack | null, after: ResolvedPack): PackDiff {
  const a = (before?.spec ?? {}) as Raw;
  const b = after.spec as unknown as Raw;
  const sections: Record<string, ListDiff> = {};
  for (const [section, key] of Object.entries(MERGED_LISTS)) {
    if (section === 'parameters') continue;
    const diff = diffList(a[section], b[section], key);
    if (!isEmpty(diff)) sections[section] = diff;
  }
  const parameters = diffList(a.parameters, b.parameters, 'name');
  const paramNames = new Set([...Object.keys(before?.params ?? {}), ...Object.keys(after.params)]);
  const paramValues = [...paramNames]
    .filter((name) => !same(before?.params[name], after.params[name]))
    .map((name) => ({
      field: name,
      before: before?.params[name] ?? null,
      after: after.params[name] ?? null,
    }));
  const settings = before ? settingChanges(a, b) : [];
  const oldT = before?.templates ?? {};
  const newT = after.templates;
  const templates = {
    added: Object.keys(newT).filter((n) => !oldT[n]),
    removed: Object.keys(oldT).filter((n) => !newT[n]),
    changed: Object.keys(newT).filter((n) => oldT[n] && !same(oldT[n], newT[n])),
  };
  const changes =
    Object.values(sections).reduce((n, d) => n + count(d), 0) +
    count(parameters) +
    paramValues.length +
    settings.length +
    templates.added.length +
    templates.removed.length +
    templates.changed.length +
    (before && before.id !== after.id ? 1 : 0);
  return {
    from: before ? { packId: before.id, version: before.version, digest: before.digest } : null,
    to: { packId: after.id, version: after.version, digest: after.digest },
    packChanged: before !== null && before.id !== after.id,
    versionChange: !before
      ? 'install'
      : before.id !== after.id || compareVersions(after.version, before.version) > 0
        ? 'upgrade'
        : compareVersions(after.version, before.version) < 0
          ? 'downgrade'
          : 'same',
    parameters,
    paramValues,
    sections,
    settings,
    templates,
    changes,
  };
}
