import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RowError } from './column-mapping.types';

const UTF8_BOM = '\uFEFF';
const HEADER = ['行号', '列', '值', '原因'];

export interface ErrorReportOptions {
  /** End the writable when done (default true). */
  end?: boolean;
}

/**
 * Writes row errors as a CSV that Excel opens correctly: UTF-8 with BOM, CRLF, columns
 * 行号,列,值,原因 (the reason in Chinese). Cells that a spreadsheet would run as a formula
 * are neutralised. Honours back-pressure, so errors may come from a long async stream.
 */
export async function writeErrorReportCsv(
  errors: Iterable<RowError> | AsyncIterable<RowError>,
  writable: Writable,
  options: ErrorReportOptions = {},
): Promise<void> {
  await write(writable, UTF8_BOM + csvLine(HEADER));
  for await (const error of errors) {
    await write(writable, csvLine([String(error.row), error.column, error.value, error.reasonZh]));
  }
  if (options.end ?? true) {
    await new Promise<void>((resolve, reject) => {
      writable.once('error', reject);
      writable.end(() => {
        writable.off('error', reject);
        resolve();
      });
    });
  }
}

/**
 * Prevents CSV/formula injection (OWASP): a cell starting with = + - @, a tab, a carriage
 * return or any other control character is prefixed with a single quote so the spreadsheet
 * shows it as text. Shared by import error reports and generated reports (libs/reporting).
 */
export function neutraliseCell(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[=+\-@\u0000-\u001f\u007f]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: cells with a comma, quote or line break are quoted, quotes doubled. */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

async function write(writable: Writable, chunk: string): Promise<void> {
  if (!writable.write(chunk, 'utf8')) await once(writable, 'drain');
}
