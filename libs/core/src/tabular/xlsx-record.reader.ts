import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawRecord, RawRecordOptions } from './raw-record.types';
import { TabularError, TabularFormatError } from './tabular.errors';
import { cellText } from './xlsx-cell.util';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name?: string; state?: string };

/**
 * Streams the rows of one worksheet of an XLSX byte stream with exceljs' streaming reader
 * (shared strings and styles cached, cells never held beyond their row). The sheet is the one
 * named by `options.sheet`, else the first visible one. Row numbers are Excel's. The input is
 * destroyed when iteration ends, stops early or fails.
 */
export async function* readXlsxRecords(
  input: Readable,
  options: RawRecordOptions = {},
): AsyncGenerator<RawRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of workbook as AsyncIterable<WorksheetReader>) {
      if (!isWanted(sheet, options.sheet)) {
        await drain(sheet);
        continue;
      }
      found = true;
      for await (const row of sheet) {
        yield { rowNumber: row.number, cells: rowCells(row) };
      }
      break;
    }
  } catch (error) {
    throw toTabularError(error);
  } finally {
    input.destroy();
  }
  if (!found && options.sheet !== undefined) {
    throw new TabularFormatError(
      `Worksheet "${options.sheet}" not found`,
      `找不到工作表“${options.sheet}”`,
    );
  }
}

function isWanted(sheet: WorksheetReader, wanted: string | undefined): boolean {
  if (wanted !== undefined) return sheet.name?.trim() === wanted.trim();
  return sheet.state === undefined || sheet.state === 'visible';
}

/** Skipped sheets must still be read through, or the zip stream stalls. */
async function drain(sheet: WorksheetReader): Promise<void> {
  for await (const _row of sheet) {
    // discard
  }
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(cells, (cell) => cell ?? '');
}

function toTabularError(error: unknown): unknown {
  if (error instanceof TabularError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TabularFormatError(
    `Not a readable XLSX file: ${message}`,
    '无法读取该 Excel（xlsx）文件，请确认文件未损坏',
  );
}
