import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { detectBinarySignature, sniffStream } from './byte-sniff.util';
import { detectEncodingFromBytes, resolveEncodingName } from './encoding-detection.util';
import type { RawRecord, RawRecordOptions } from './raw-record.types';
import { TabularError, TabularFormatError } from './tabular.errors';
import { createTextDecoder } from './text-decode.transform';

const DEFAULT_MAX_RECORD_SIZE = 1_000_000;

/**
 * Streams the records of a CSV byte stream: the encoding is detected from the first 64 KB
 * (unless given), the text is decoded and parsed with back-pressure, so memory stays bounded
 * whatever the file size. Row numbers count records, so a quoted multi-line cell is one row,
 * as in Excel. The input is destroyed when iteration stops early or fails.
 */
export async function* readCsvRecords(
  input: Readable,
  options: RawRecordOptions = {},
): AsyncGenerator<RawRecord> {
  const sniff = await sniffStream(input);
  try {
    assertTextFile(sniff.bytes);
  } catch (error) {
    input.destroy();
    throw error;
  }
  const encoding = options.encoding
    ? resolveEncodingName(options.encoding)
    : detectEncodingFromBytes(sniff.bytes, sniff.complete).encoding;
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE,
  });
  // Errors of any stage destroy the parser, which makes the iteration below throw them.
  pipeline(sniff.stream, createTextDecoder(encoding), parser, () => undefined);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw toTabularError(error, rowNumber + 1);
  } finally {
    parser.destroy();
  }
}

function assertTextFile(bytes: Uint8Array): void {
  switch (detectBinarySignature(bytes)) {
    case 'zip':
      throw new TabularFormatError(
        'This is an XLSX (zip) file, not CSV; read it with format "xlsx"',
        '该文件是 Excel（xlsx）文件而不是 CSV',
      );
    case 'ole':
      throw new TabularFormatError(
        'Legacy .xls files are not supported; save the file as .xlsx or CSV',
        '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV 后再导入',
      );
    case 'utf16':
      throw new TabularFormatError(
        'UTF-16 ("Unicode text") files are not supported; save the file as CSV (UTF-8)',
        '不支持 UTF-16（Unicode 文本）文件，请另存为 CSV（UTF-8）',
      );
    default:
  }
}

function toTabularError(error: unknown, rowNumber: number): unknown {
  if (error instanceof TabularError) return error;
  if (error instanceof CsvError) {
    // The parser runs ahead of the consumer, so its own record count locates the problem.
    if (typeof error.records === 'number') rowNumber = error.records + 1;
    return new TabularFormatError(
      `Malformed CSV at row ${rowNumber}: ${error.message}`,
      `CSV 格式错误（第 ${rowNumber} 行）：${error.code}`,
      rowNumber,
    );
  }
  return error;
}
