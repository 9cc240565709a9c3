import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import {
  type Cell,
  type Lang,
  type ReportDocument,
  type ReportTable,
  text,
} from '../document/report-document';
import { metaLines, notesLabel } from './report-meta';
import { safeCell } from './safe-cell';

/** Excel forbids these in sheet names and caps them at 31 characters. */
const sheetName = (name: string, used: Set<string>): string => {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  while (used.has(base)) base = `${base.slice(0, 26)}_${used.size}`;
  used.add(base);
  return base;
};

/** Amounts as the office writes them; counts as whole numbers with separators. */
export const MONEY_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '#,##0';

/** Display width of a value: a Chinese character takes two columns. */
function widthOf(value: string | number | null): number {
  if (value === null) return 0;
  const s =
    typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: 2 }) : value;
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return w;
}

/** Each column wide enough for its header and its widest cell (capped: notes wrap). */
function columnWidths(table: ReportTable, lang: Lang): number[] {
  const all: (readonly Cell[])[] = [
    table.headers,
    ...table.rows,
    ...(table.total ? [table.total] : []),
  ];
  const n = Math.max(table.headers.length, 2);
  return Array.from({ length: n }, (_, i) =>
    Math.min(60, Math.max(10, ...all.map((row) => widthOf(safeCell(row[i] ?? null, lang)) + 2))),
  );
}

function formatNumbers(
  row: ExcelJS.Row,
  values: (string | number | null)[],
  table: ReportTable,
  rowIndex = -1,
) {
  values.forEach((v, i) => {
    if (typeof v === 'number') {
      // A fraction not flagged as money is still an amount: #,##0 would round it away.
      const money =
        table.money?.[i] || table.moneyCells?.[rowIndex]?.[i] === true || !Number.isInteger(v);
      row.getCell(i + 1).numFmt = money ? MONEY_FORMAT : COUNT_FORMAT;
    }
  });
}

/**
 * The report as XLSX through exceljs's streaming writer: rows are committed as they are
 * written, so a list of a hundred thousand debtors does not build a workbook in memory.
 * One sheet per table: the title and meta lines, then the header row (bold, frozen so it
 * stays on screen while scrolling), the rows with numeric cells (#,##0.00 for amounts), the
 * 合计 row and the notes. Every text cell neutralised (safeCell).
 */
export async function writeXlsxReport(doc: ReportDocument, lang: Lang = 'zh'): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Qingshou';
  const used = new Set<string>();
  const tables: readonly ReportTable[] = doc.tables.length
    ? doc.tables
    : [{ key: 'empty', title: doc.names, headers: [], rows: [] }];
  const meta = metaLines(doc, lang);
  // Title, meta lines, a blank line: the header row comes next.
  const headerRow = 1 + meta.length + 2;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(text(table.title, lang), used), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    sheet.columns = columnWidths(table, lang).map((width) => ({ width }));
    const title = sheet.addRow([safeCell(doc.names, lang)]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const [label, value] of meta) {
      sheet.addRow([safeCell(label, lang), safeCell(value, lang)]).commit();
    }
    sheet.addRow([]).commit();
    const header = sheet.addRow(table.headers.map((h) => safeCell(h, lang)));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    header.commit();
    for (const [r, row] of table.rows.entries()) {
      const values = row.map((c) => safeCell(c, lang));
      const added = sheet.addRow(values);
      // Amounts stay numbers (sums work) and read as 20,000.00.
      formatNumbers(added, values, table, r);
      added.commit();
    }
    if (table.total) {
      const values = table.total.map((c) => safeCell(c, lang));
      const total = sheet.addRow(values);
      total.font = { bold: true };
      formatNumbers(total, values, table);
      total.commit();
    }
    if (table.caption) sheet.addRow([safeCell(table.caption, lang)]).commit();
    if (doc.notes.length) {
      sheet.addRow([]).commit();
      sheet.addRow([safeCell(notesLabel(lang), lang)]).commit();
      for (const note of doc.notes) sheet.addRow([safeCell(note, lang)]).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
