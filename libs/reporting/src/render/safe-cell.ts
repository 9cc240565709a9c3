import { neutraliseCell } from '@qingshou/core';
import { type Cell, cellValue, type Lang } from '../document/report-document';

/**
 * Every text cell of every report passes here: text that a spreadsheet would run as a
 * formula (= + - @, tab, CR, other control characters) gets a leading apostrophe (OWASP CSV
 * injection). Numbers are written as numbers, which no spreadsheet evaluates.
 */
export function safeCell(cell: Cell, lang: Lang): string | number | null {
  const value = cellValue(cell, lang);
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
