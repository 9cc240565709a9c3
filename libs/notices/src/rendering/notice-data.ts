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

/** A detached copy: later changes to the caller's object cannot alter what was stored. */
export function cloneNoticeData(value: NoticeData): NoticeData {
  return JSON.parse(JSON.stringify(value)) as NoticeData;
}

/**
 * Required paths that are absent, null or blank. Only own properties count, so a field
 * never resolves through a prototype.
 */
export function missingRequired(data: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    let current: unknown = data;
    for (const segment of path.split('.')) {
      if (current === null || typeof current !== 'object') return true;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return true;
      current = (current as Record<string, unknown>)[segment];
    }
    return (
      current === undefined ||
      current === null ||
      (typeof current === 'string' && current.trim() === '')
    );
  });
}
