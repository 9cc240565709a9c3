import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { readCsvRecords } from './csv-record.reader';
import type { RawRecord } from './raw-record.types';
import { TabularFormatError } from './tabular.errors';
import type {
  ReadTabularOptions,
  TabularColumn,
  TabularFormat,
  TabularRow,
  TabularSource,
} from './tabular.types';
import { readXlsxRecords } from './xlsx-record.reader';

/**
 * Streams the data rows of a CSV or XLSX file, keyed by header. Single pass: iterate it once.
 * Breaking out of the loop closes the file.
 */
export class TabularReader implements AsyncIterable<TabularRow> {
  private columnList?: readonly TabularColumn[];
  private started = false;

  constructor(
    private readonly source: TabularSource,
    private readonly options: ReadTabularOptions = {},
  ) {}

  /** Header columns, known once iteration has read the header row ([] for an empty file). */
  get columns(): readonly TabularColumn[] | undefined {
    return this.columnList;
  }

  /** Header texts, in file order; undefined before the header row has been read. */
  get headers(): readonly string[] | undefined {
    return this.columnList?.map((column) => column.header);
  }

  [Symbol.asyncIterator](): AsyncIterator<TabularRow> {
    if (this.started) throw new Error('A TabularReader can be iterated only once');
    this.started = true;
    return this.rows();
  }

  private async *rows(): AsyncGenerator<TabularRow> {
    const headerRow = this.options.headerRow;
    for await (const record of this.records()) {
      const cells = record.cells.map((cell) => cell.trim());
      if (this.columnList) {
        if (cells.some((cell) => cell !== '')) {
          yield { rowNumber: record.rowNumber, values: rowValues(this.columnList, cells) };
        }
        continue;
      }
      if (
        headerRow === undefined ? cells.every((cell) => cell === '') : record.rowNumber < headerRow
      ) {
        continue;
      }
      if (headerRow !== undefined && record.rowNumber > headerRow) throw emptyHeaderRow(headerRow);
      this.columnList = buildColumns(record.cells);
    }
    if (!this.columnList && headerRow !== undefined) throw emptyHeaderRow(headerRow);
    this.columnList ??= [];
  }

  private records(): AsyncGenerator<RawRecord> {
    const format = resolveFormat(this.source);
    const input: Readable =
      'stream' in this.source ? this.source.stream : createReadStream(this.source.path);
    if (format === 'xlsx') return readXlsxRecords(input, this.options);
    const tsv = 'path' in this.source && extname(this.source.path).toLowerCase() === '.tsv';
    return readCsvRecords(input, {
      ...this.options,
      delimiter: this.options.delimiter ?? (tsv ? '\t' : ','),
    });
  }
}

/** Opens a CSV or XLSX file (format from the extension unless given) as a stream of rows. */
export function readTabular(
  source: TabularSource,
  options: ReadTabularOptions = {},
): TabularReader {
  resolveFormat(source);
  return new TabularReader(source, options);
}

const EXTENSION_FORMATS: Readonly<Record<string, TabularFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

export function resolveFormat(source: TabularSource): TabularFormat {
  if (source.format) return source.format;
  const extension = 'path' in source ? extname(source.path).toLowerCase() : '';
  const format = EXTENSION_FORMATS[extension];
  if (format) return format;
  if (extension === '.xls' || extension === '.et') {
    throw new TabularFormatError(
      'Legacy .xls files are not supported; save the file as .xlsx or CSV',
      '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV 后再导入',
    );
  }
  throw new TabularFormatError(
    `Unsupported file type "${extension}"; expected .csv or .xlsx`,
    `不支持的文件类型“${extension}”，请使用 .csv 或 .xlsx 文件`,
  );
}

/** Header text as matched and reported: trimmed, byte order marks and full-width spaces removed. */
export function normalizeHeader(header: string): string {
  return header.replace(/[\uFEFF\u3000]/g, '').trim();
}

/** Columns with an empty header are left out; a repeated header gets the key 'Header (2)'. */
function buildColumns(cells: readonly string[]): TabularColumn[] {
  const seen = new Map<string, number>();
  const columns: TabularColumn[] = [];
  cells.forEach((cell, index) => {
    const header = normalizeHeader(cell);
    if (header === '') return;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    columns.push({ index, header, key: count === 1 ? header : `${header} (${count})` });
  });
  return columns;
}

function rowValues(
  columns: readonly TabularColumn[],
  cells: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of columns) values[column.key] = cells[column.index] ?? '';
  return values;
}

function emptyHeaderRow(headerRow: number): TabularFormatError {
  return new TabularFormatError(
    `Header row ${headerRow} is empty`,
    `第 ${headerRow} 行（表头行）为空`,
    headerRow,
  );
}
