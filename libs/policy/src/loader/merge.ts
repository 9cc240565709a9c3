import { isPlainObject } from '../registry/registry.types';
import { PackProblem } from './problem';

type Raw = Record<string, unknown>;

/** List sections merged by key when a pack extends another: child items override by id. */
export const MERGED_LISTS: Readonly<Record<string, string>> = {
  parameters: 'name',
  roles: 'id',
  taskKinds: 'code',
  attributes: 'key',
  approvals: 'kind',
  stages: 'id',
  rules: 'id',
  reminders: 'id',
  routines: 'id',
  targets: 'id',
  incentives: 'id',
  ratings: 'id',
  flags: 'id',
  drives: 'id',
  notices: 'template',
  reports: 'id',
  retention: 'id',
  importMappings: 'id',
};

/** Object sections merged field by field (the child's fields win). */
const MERGED_OBJECTS = [
  'calendar',
  'contactRules',
  'interest',
  'classification',
  'reasonCodes',
  'costs',
];

/** Placement and removal directives, meaningful only in a pack that extends another. */
const DIRECTIVES = ['remove', 'after', 'before'];

function mergeList(
  base: unknown[],
  child: unknown[],
  key: string,
  path: string,
  out: PackProblem[],
): unknown[] {
  const result = base.map((item) => (isPlainObject(item) ? { ...item } : item));
  const indexOf = (id: unknown) => result.findIndex((x) => isPlainObject(x) && x[key] === id);
  child.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(item) || item[key] === undefined) {
      result.push(item);
      return;
    }
    const { remove, after, before, ...fields } = item;
    const id = item[key];
    const existing = indexOf(id);
    if (remove !== undefined) {
      if (remove !== true) out.push({ path: `${at}.remove`, reason: 'must be true' });
      else if (existing < 0)
        out.push({ path: `${at}.remove`, reason: `there is no "${String(id)}" to remove` });
      else result.splice(existing, 1);
      return;
    }
    const merged = existing >= 0 ? { ...(result[existing] as Raw), ...fields } : fields;
    const anchor = after ?? before;
    if (anchor === undefined) {
      if (existing >= 0) result[existing] = merged;
      else result.push(merged);
      return;
    }
    if (existing >= 0) result.splice(existing, 1);
    const anchorIndex = indexOf(anchor);
    if (anchorIndex < 0) {
      out.push({
        path: `${at}.${after !== undefined ? 'after' : 'before'}`,
        reason: `there is no "${String(anchor)}" to place it next to`,
      });
      result.push(merged);
      return;
    }
    result.splice(after !== undefined ? anchorIndex + 1 : anchorIndex, 0, merged);
  });
  return result;
}

/**
 * Merges a child pack over its base. Scalars and plain lists: the child's replace the
 * base's. Keyed lists: items merge by id (a child item changes only the fields it gives;
 * `remove: true` drops the base item; `after`/`before` place it). Object sections merge
 * field by field. `extends` itself is consumed here.
 */
export function mergePacks(base: Raw, child: Raw, out: PackProblem[]): Raw {
  const result: Raw = { ...base };
  for (const [section, value] of Object.entries(child)) {
    if (section === 'extends') continue;
    const key = MERGED_LISTS[section];
    if (key && Array.isArray(value)) {
      const from = Array.isArray(base[section]) ? (base[section] as unknown[]) : [];
      result[section] = mergeList(from, value, key, section, out);
    } else if (
      MERGED_OBJECTS.includes(section) &&
      isPlainObject(value) &&
      isPlainObject(base[section])
    ) {
      const merged: Raw = { ...(base[section] as Raw), ...value };
      const baseCodes = (base[section] as Raw).codes;
      if (section === 'reasonCodes' && Array.isArray(value.codes) && Array.isArray(baseCodes)) {
        merged.codes = mergeList(baseCodes, value.codes, 'code', 'reasonCodes.codes', out);
      }
      result[section] = merged;
    } else {
      result[section] = value;
    }
  }
  delete result.extends;
  return result;
}

/**
 * A pack that extends nothing may not use merge directives: they would silently vanish.
 * Reported once here, then dropped so the shape check does not report them again.
 */
export function stripDirectives(raw: Raw): PackProblem[] {
  const out: PackProblem[] = [];
  for (const section of Object.keys(MERGED_LISTS)) {
    const list = raw[section];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isPlainObject(item)) return;
      for (const directive of DIRECTIVES) {
        if (item[directive] !== undefined) {
          out.push({
            path: `${section}[${i}].${directive}`,
            reason: 'only a pack that extends another may use remove, after or before',
          });
          delete item[directive];
        }
      }
    });
  }
  return out;
}

/** `test-ladder@^1.0.0` → id and range; a bare id means any version. */
export function parseExtends(value: unknown): { id: string; range: string } | null {
  if (typeof value !== 'string') return null;
  const match = /^([a-z][a-z0-9-]{1,47})(?:@(.+))?$/.exec(value.trim());
  return match ? { id: match[1], range: match[2]?.trim() ?? '*' } : null;
}
