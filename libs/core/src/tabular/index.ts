export { SNIFF_BYTES } from './byte-sniff.util';
export type {
  ColumnMapping,
  ColumnSpec,
  FieldParser,
  FieldValue,
  MappedRow,
  ParseResult,
  RowError,
  SimpleParserName,
} from './column-mapping.types';
export { headerMatchKey, mapRows } from './column.mapper';
export {
  detectEncoding,
  detectEncodingFromBytes,
  type DetectedEncoding,
  type DetectedEncodingName,
} from './encoding-detection.util';
export {
  neutraliseCell,
  writeErrorReportCsv,
  type ErrorReportOptions,
} from './error-report.writer';
export { compileParser, type CompiledParser } from './field.parsers';
export {
  TabularEncodingError,
  TabularError,
  TabularFormatError,
  TabularHeaderError,
  type AmbiguousColumn,
  type MissingColumn,
} from './tabular.errors';
export { normalizeHeader, readTabular, TabularReader } from './tabular.reader';
export type {
  ReadTabularOptions,
  TabularColumn,
  TabularFormat,
  TabularRow,
  TabularSource,
  TextEncodingName,
} from './tabular.types';
