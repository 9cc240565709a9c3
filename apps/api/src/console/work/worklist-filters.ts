import type { WorklistFilters } from '@qingshou/collection';
import type { Request } from 'express';

/** Rows per page: a phone shows 20 (one hand, short scroll), a desk a collector's 50 (issue 15). */
export const PHONE_PAGE = 20;
export const DESK_PAGE = 50;
const MAX_DPD = 100_000;

/** The worklist's filter form as typed (strings), its query and the page size. */
export interface WorklistView {
  readonly filters: WorklistFilters;
  /** What the form shows again. */
  readonly values: { kind: string; due: string; minDpd: string; maxDpd: string };
  /** The filters as a query string prefix (`kind=call&`), carried by the next-page link. */
  readonly query: string;
  readonly per: number;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : Array.isArray(value) ? text(value[0]) : '';

/** A whole number of days in range, else none (a bad bound is ignored, never an error page). */
function days(value: string): number | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_DPD ? n : undefined;
}

/**
 * A phone asks for 20 rows: `per=20` when the page says so, or a browser that announces a
 * mobile device (Sec-CH-UA-Mobile, or a mobile user agent). Anything else gets the desk's 50.
 */
export function pageSizeFor(request: Request, per: string): number {
  if (per === String(PHONE_PAGE)) return PHONE_PAGE;
  if (per === String(DESK_PAGE)) return DESK_PAGE;
  const hint = request.headers['sec-ch-ua-mobile'];
  const agent = request.headers['user-agent'] ?? '';
  return hint === '?1' || /Mobile|Android|iPhone/.test(agent) ? PHONE_PAGE : DESK_PAGE;
}

/** Reads the worklist's query: kind (a task kind code), due (overdue|today), DPD bounds. */
export function worklistView(request: Request, query: Record<string, unknown>): WorklistView {
  const kind = text(query.kind);
  const due = text(query.due);
  const minDpd = text(query.minDpd);
  const maxDpd = text(query.maxDpd);
  const filters: WorklistFilters = {
    ...(/^[a-z][a-z0-9-]{0,47}$/.test(kind) ? { kind } : {}),
    ...(due === 'overdue' || due === 'today' ? { due } : {}),
    ...(days(minDpd) !== undefined ? { minDpd: days(minDpd) } : {}),
    ...(days(maxDpd) !== undefined ? { maxDpd: days(maxDpd) } : {}),
  };
  const per = pageSizeFor(request, text(query.per));
  const shown = { kind: filters.kind ?? '', due: filters.due ?? '', minDpd, maxDpd };
  const pairs = Object.entries({ ...shown, per: String(per) }).filter(([, v]) => v !== '');
  return {
    filters,
    values: shown,
    query: pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}&`).join(''),
    per,
  };
}
