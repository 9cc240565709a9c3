import type { FieldProblem } from '@qingshou/core';
import { FORBIDDEN_SEGMENTS } from './path-rules';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type NoticeData = { [key: string]: JsonValue };

const MAX_DEPTH = 16;
const MAX_BYTES = 256 * 1024;

/**
 * Render data must be plain JSON: it is stored in `notices.data` so the letter can be
 * rendered again byte for byte, and anything else (a Date, a class instance, an object
 * whose prototype was swapped through a `__proto__` key) would not survive that round trip
 * or would hand handlebars something other than data. Keys naming Object.prototype members
 * are refused outright rather than silently dropped.
 */
export function checkNoticeData(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (problems.length >= 20) return;
    if (depth > MAX_DEPTH) {
      problems.push({ path, reason: `nests deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) problems.push({ path, reason: 'must be a finite number' });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    if (typeof node !== 'object') {
      problems.push({ path, reason: `must be JSON, not ${typeof node}` });
      return;
    }
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null) {
      problems.push({ path, reason: 'must be a plain JSON object' });
      return;
    }
    for (const key of Object.keys(node)) {
      const here = `${path}.${key}`;
      if (FORBIDDEN_SEGMENTS.has(key)) {
        problems.push({ path: here, reason: `the key ${key} is not allowed in notice data` });
        continue;
      }
      visit((node as Record<string, unknown>)[key], here, depth + 1);
    }
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: 'data', reason: 'must be a JSON object' }];
  }
  visit(value, 'data', 0);
  if (problems.length === 0 && Buffer.byteLength(JSON.stringify(value)) > MAX_BYTES) {
    problems.push({ path: 'data', reason: `is larger than ${MAX_BYTES / 1024} KiB` });
  }
  return problems;
}

/** Upper bounds of a value's JSON text in UTF-8 bytes: a UTF-16 unit is at most 6 (\\uXXXX). */
const BYTES_PER_UNIT = 6;
const NUMBER_BYTES = 25;

/**
 * checkNoticeData and cloneNoticeData in one walk, for the render path that needs both for
 * every letter (a daily run renders tens of thousands): the same problems in the same order
 * and, when there are none, the copy JSON.parse(JSON.stringify(value)) makes (holes and -0
 * as JSON writes them). The size limit is first judged on an upper bound of the JSON text;
 * only data that might exceed it is serialised to be measured exactly.
 *
 * Letters are almost always valid, so the walk first copies without keeping the path of the
 * node it is at or collecting problems; only when that walk meets something it refuses is the
 * data walked again, to name every problem.
 */
export function checkedNoticeData(value: unknown): {
  problems: FieldProblem[];
  copy: NoticeData | null;
} {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const size: Size = { bound: 2 };
    const copy = plainCopy(value, 0, size);
    if (
      copy !== REFUSED &&
      (size.bound <= MAX_BYTES || Buffer.byteLength(JSON.stringify(value)) <= MAX_BYTES)
    ) {
      return { problems: [], copy: copy as NoticeData };
    }
  }
  return checkedWithProblems(value);
}

const REFUSED = Symbol('refused');
interface Size {
  bound: number;
}

/** The copy of a valid node (and the upper bound of its JSON text), or REFUSED. */
function plainCopy(node: unknown, depth: number, size: Size): JsonValue | typeof REFUSED {
  if (depth > MAX_DEPTH) return REFUSED;
  if (node === null) {
    size.bound += 4;
    return null;
  }
  switch (typeof node) {
    case 'string':
      size.bound += node.length * BYTES_PER_UNIT + 2;
      return node;
    case 'boolean':
      size.bound += 5;
      return node;
    case 'number':
      if (!Number.isFinite(node)) return REFUSED;
      size.bound += NUMBER_BYTES;
      return node === 0 ? 0 : node;
    case 'object':
      break;
    default:
      return REFUSED;
  }
  if (Array.isArray(node)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < node.length; i++) {
      if (!(i in node)) {
        out.push(null);
        size.bound += 5;
        continue;
      }
      const item = plainCopy(node[i], depth + 1, size);
      if (item === REFUSED) return REFUSED;
      out.push(item);
      size.bound += 1;
    }
    size.bound += 2;
    return out;
  }
  const proto = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) return REFUSED;
  const out: { [key: string]: JsonValue } = {};
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (FORBIDDEN_SEGMENTS.has(key)) return REFUSED;
    const item = plainCopy((node as Record<string, unknown>)[key], depth + 1, size);
    if (item === REFUSED) return REFUSED;
    out[key] = item;
    size.bound += key.length * BYTES_PER_UNIT + 4;
  }
  size.bound += 2;
  return out;
}

/** The walk that names every problem (and copies, when it finds none). */
function checkedWithProblems(value: unknown): {
  problems: FieldProblem[];
  copy: NoticeData | null;
} {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ path: 'data', reason: 'must be a JSON object' }], copy: null };
  }
  const problems: FieldProblem[] = [];
  // The path of the node being visited, formatted only when a problem names it.
  const trail: (string | number)[] = [];
  const here = () =>
    'data' + trail.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
  let bound = 2;
  const visit = (node: unknown, depth: number): JsonValue => {
    if (problems.length >= 20) return null;
    if (depth > MAX_DEPTH) {
      problems.push({ path: here(), reason: `nests deeper than ${MAX_DEPTH} levels` });
      return null;
    }
    if (node === null) {
      bound += 4;
      return null;
    }
    switch (typeof node) {
      case 'string':
        bound += node.length * BYTES_PER_UNIT + 2;
        return node;
      case 'boolean':
        bound += 5;
        return node;
      case 'number':
        if (!Number.isFinite(node))
          problems.push({ path: here(), reason: 'must be a finite number' });
        bound += NUMBER_BYTES;
        return node === 0 ? 0 : node;
      case 'object':
        break;
      default:
        problems.push({ path: here(), reason: `must be JSON, not ${typeof node}` });
        return null;
    }
    if (Array.isArray(node)) {
      const out: JsonValue[] = [];
      for (let i = 0; i < node.length; i++) {
        bound += 1;
        if (!(i in node)) {
          out.push(null);
          bound += 4;
          continue;
        }
        trail.push(i);
        out.push(visit(node[i], depth + 1));
        trail.pop();
      }
      bound += 2;
      return out;
    }
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null) {
      problems.push({ path: here(), reason: 'must be a plain JSON object' });
      return null;
    }
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(node)) {
      trail.push(key);
      if (FORBIDDEN_SEGMENTS.has(key)) {
        problems.push({ path: here(), reason: `the key ${key} is not allowed in notice data` });
      } else {
        out[key] = visit((node as Record<string, unknown>)[key], depth + 1);
        bound += key.length * BYTES_PER_UNIT + 4;
      }
      trail.pop();
    }
    bound += 2;
    return out;
  };
  const copy = visit(value, 0) as NoticeData;
  if (
    problems.length === 0 &&
    bound > MAX_BYTES &&
    Buffer.byteLength(JSON.stringify(value)) > MAX_BYTES
  ) {
    problems.push({ path: 'data', reason: `is larger than ${MAX_BYTES / 1024} KiB` });
  }
  return problems.length > 0 ? { problems, copy: null } : { problems, copy };
}

/** A detached copy: later changes to the caller's object cannot alter what was stored. */
export function cloneNoticeData(value: NoticeData): NoticeData {
  return JSON.parse(JSON.stringify(value)) as NoticeData;
}

/** A template's required paths, split into segments once: they are checked for every letter. */
export interface RequiredFields {
  readonly paths: readonly string[];
  readonly segments: readonly (readonly string[])[];
}

export function requiredFields(paths: readonly string[]): RequiredFields {
  return { paths, segments: paths.map((path) => path.split('.')) };
}

/**
 * Required paths that are absent, null or blank. Only own properties count, so a field
 * never resolves through a prototype.
 */
export function missingRequired(data: unknown, paths: readonly string[]): string[] {
  return missingFields(data, requiredFields(paths));
}

/** missingRequired with the paths split beforehand (the render path). */
export function missingFields(data: unknown, fields: RequiredFields): string[] {
  let missing: string[] | undefined;
  for (let i = 0; i < fields.segments.length; i++) {
    if (isMissing(data, fields.segments[i])) (missing ??= []).push(fields.paths[i]);
  }
  return missing ?? [];
}

function isMissing(data: unknown, segments: readonly string[]): boolean {
  let current: unknown = data;
  for (let i = 0; i < segments.length; i++) {
    if (current === null || typeof current !== 'object') return true;
    if (!Object.prototype.hasOwnProperty.call(current, segments[i])) return true;
    current = (current as Record<string, unknown>)[segments[i]];
  }
  return (
    current === undefined ||
    current === null ||
    (typeof current === 'string' && current.trim() === '')
  );
}
