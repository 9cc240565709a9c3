import type { CellValue } from 'exceljs';
import { formatNumber, shiftDecimal } from './number-format.util';

/**
 * Converts an XLSX cell to the text the reader exposes: dates as 'YYYY-MM-DD' (a time of day,
 * when present, is appended as ' HH:mm:ss'), numbers without float noise, percent-formatted
 * numbers as '4.35%', rich text and hyperlinks as plain text, formulas as their cached result,
 * booleans as 'TRUE'/'FALSE' and errors as their code ('#N/A').
 */
export function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (typeof result === 'number' && isDateFormat(numFmt))
      return dateText(excelSerialToDate(result));
    return cellText(result as CellValue, numFmt);
  }
  if ('hyperlink' in value) return cellText(value.text as CellValue, numFmt);
  if ('error' in value) return value.error;
  return '';
}

function numberText(value: number, numFmt: string | undefined): string {
  // A formula whose cached result is an error code reaches us as NaN.
  if (Number.isNaN(value)) return '#ERROR';
  const text = formatNumber(value);
  return isPercentFormat(numFmt) ? `${shiftDecimal(text, 2)}%` : text;
}

/** 'YYYY-MM-DD', plus ' HH:mm:ss' when the value has a time of day; a bare time for serials < 1. */
export function dateText(date: Date): string {
  // Excel dates carry no zone: exceljs maps them to UTC instants.
  const ms = Math.round(date.getTime() / 1000) * 1000;
  const d = new Date(ms);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (ms >= EPOCH_1899 && ms < EPOCH_1899 + DAY_MS) return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

/** Excel 1900-system serial day number to a UTC date (formula results are not converted by exceljs). */
export function excelSerialToDate(serial: number): Date {
  return new Date(EPOCH_1899 + Math.round(serial * DAY_MS));
}

/** Strips quoted literals and bracketed sections ([Red], [$-804]) from a number format. */
function formatTokens(numFmt: string | undefined): string {
  return (numFmt ?? '').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
}

export function isDateFormat(numFmt: string | undefined): boolean {
  return /[ymdhsb]/i.test(formatTokens(numFmt).replace(/General/gi, ''));
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  return formatTokens(numFmt).includes('%');
}
