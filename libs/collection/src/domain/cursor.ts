import { DomainError } from '@qingshou/core';

/** A sort-key value a cursor may carry. */
export type CursorValue = string | number;

export class BadCursorError extends DomainError {
  constructor() {
    super('bad-cursor', 'The cursor is not one this list handed out; start again without it', 400);
  }
}

/**
 * Opaque keyset cursor: base64url of the last row's sort key. Clients must not build it,
 * so its shape can change with the sort; `kind` stops a worklist cursor being fed to search.
 */
export function encodeCursor(kind: string, key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, length: number): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== length + 1 || parsed[0] !== kind) {
    throw new BadCursorError();
  }
  const key = parsed.slice(1);
  if (!key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    throw new BadCursorError();
  }
  return key as CursorValue[];
}

export interface Page<T> {
  readonly items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Fetches limit+1 rows so the last page is known without a count. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (row: R) => string,
): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items: items.map(map), nextCursor: more ? cursorOf(items[items.length - 1]) : null };
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function pageSize(limit?: number): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(1, Math.floor(limit)), MAX_PAGE_SIZE);
}
