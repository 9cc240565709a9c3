import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { type Lang, type ReportDocument, text } from '../document/report-document';
import { metaLines, notesLabel } from './report-meta';
import { safeCell } from './safe-cell';

/** Excel forbids these in sheet names and caps them at 31 characters. */
const sheetName = (name: string, used: Set<string>): string => {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  while (used.has(base)) base = `${base.slice(0, 26)}_${used.size}`;
  used.add(base);
  return base;
};

/**
 * The report as XLSX through exceljs's streaming writer: rows are committed as they are
 * written, so a list of a hundred thousand debtors does not build a workbook in memory.
 * One sheet per table; every text cell neutralised (safeCell).
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
  const tables = doc.tables.length
    ? doc.tables
    : [{ key: 'empty', title: doc.names, headers: [], rows: [] }];
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(text(table.title, lang), used));
    sheet.addRow([safeCell(doc.names, lang)]).commit();
    for (const [label, value] of metaLines(doc, lang)) {
      sheet.addRow([safeCell(label, lang), safeCell(value, lang)]).commit();
    }
    sheet.addRow([]).commit();
    const header = sheet.addRow(table.headers.map((h) => safeCell(h, lang)));
    header.font = { bold: true };
    header.commit();
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((c) => safeCell(c, lang)));
      // Amounts stay numbers (sums work) and read as 20,000.00.
      table.money?.forEach((isMoney, i) => {
        if (isMoney) added.getCell(i + 1).numFmt = '#,##0.00';
      });
      added.commit();
    }
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
