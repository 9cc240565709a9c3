const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** At most this many ticked cases per batch (two pages of the list). */
export const SELECTION_MAX = 200;

/** The ticked case ids of a batch form (`caseIds`, one or many); anything else is dropped. */
export function selectedIds(body: unknown): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.caseIds;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return [...new Set(list.map(String).filter((id) => UUID.test(id)))].slice(0, SELECTION_MAX);
}
