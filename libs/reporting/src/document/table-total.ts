import type { Cell } from './report-document';

const TOTAL_LABEL = { zh: '合计', en: 'Total' };

/**
 * The 合计 row of a table: each summed column's sum (amounts to the fen, so the total reads
 * exactly as the office adds the rows up), the label in the first column that is not summed.
 * Undefined when nothing is summed or there are no rows.
 */
export function totalRow(rows: readonly Cell[][], summed: readonly boolean[]): Cell[] | undefined {
  if (rows.length === 0 || !summed.some(Boolean)) return undefined;
  const total: Cell[] = summed.map((isSummed, i) => {
    if (!isSummed) return null;
    // Fen as integers: 0.1 + 0.2 adds to 0.30, not 0.30000000000000004.
    const fen = rows.reduce((acc, row) => {
      const v = row[i];
      return acc + (typeof v === 'number' ? Math.round(v * 100) : 0);
    }, 0);
    return fen / 100;
  });
  const labelAt = summed.findIndex((isSummed) => !isSummed);
  // Every column summed (no room for the word): the row stands last and bold, unlabelled.
  if (labelAt >= 0) total[labelAt] = TOTAL_LABEL;
  return total;
}
