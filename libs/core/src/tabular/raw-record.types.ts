import type { TextEncodingName } from './tabular.types';

/** A physical row of a CSV or XLSX file before header handling. */
export interface RawRecord {
  /** 1-based row number as Excel shows it. */
  readonly rowNumber: number;
  /** Cell text, untrimmed, in column order. */
  readonly cells: readonly string[];
}

export interface RawRecordOptions {
  encoding?: TextEncodingName;
  delimiter?: string;
  sheet?: string;
  maxRecordSize?: number;
}
