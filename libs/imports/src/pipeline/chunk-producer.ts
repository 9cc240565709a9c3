import type { MappedRow, RowError } from '../support/tabular';
import type { CopyLineEncoder } from '../staging/copy-text';
import type { ChunkRules } from '../rows/chunk-rules';
import type { RowBuilder } from './kind-strategy';

/** One chunk read, validated and encoded, waiting for its transaction. */
export interface PreparedChunk {
  /**
   * COPY text in UTF-8 batches of ~256 KB: one socket write each, compact off the heap.
   * Emptied once sent, so its memory is free while the chunk is merged.
   */
  readonly batches: Buffer[];
  readonly staged: number;
  readonly errors: readonly RowError[];
  readonly read: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly exhausted: boolean;
}

const BATCH_CHARS = 256 * 1024;
/**
 * A chunk also ends at this much COPY text: a row carries its whole schedule, and 50,000
 * thirty-year monthly loans would be half a gigabyte. Bounds memory by bytes, not rows.
 */
export const MAX_CHUNK_BYTES = 24 * 1024 * 1024;
const READ_PROGRESS_EVERY = 5000;

/**
 * Reads the next chunk of rows while the previous chunk is being merged: the CPU work of
 * parsing and validating overlaps the database's, and at most one prepared chunk waits in
 * memory (bounded by the chunk size, never by the file's).
 */
export class ChunkProducer {
  private cancelled = false;
  /** Rows read over all chunks of this run, for progress while a chunk is still open. */
  private readSoFar = 0;

  constructor(
    private readonly rows: AsyncIterator<MappedRow>,
    private readonly builder: RowBuilder,
    private readonly encoder: CopyLineEncoder,
    private readonly chunkSize: number,
    /** Rows up to here committed in an earlier attempt: read past, not applied again. */
    private readonly skipThrough: number,
    /** Called every few thousand rows with the rows read so far in this run. */
    private readonly onRead?: (rowsRead: number) => void,
    private readonly rulesFor?: () => ChunkRules,
  ) {}

  /** Stops a preparation in flight at its next row (a chunk failed; nothing more is wanted). */
  cancel(): void {
    this.cancelled = true;
  }

  async prepare(): Promise<PreparedChunk> {
    const batches: Buffer[] = [];
    const errors: RowError[] = [];
    let batch = '';
    let bytes = 0;
    let staged = 0;
    let read = 0;
    let firstRow = 0;
    let lastRow = 0;
    let exhausted = false;
    const rules = this.rulesFor?.();
    while (read < this.chunkSize && bytes < MAX_CHUNK_BYTES && !this.cancelled) {
      const next = await this.rows.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const mapped = next.value;
      if (mapped.rowNumber <= this.skipThrough) continue;
      read += 1;
      this.readSoFar += 1;
      firstRow ||= mapped.rowNumber;
      lastRow = mapped.rowNumber;
      if (this.readSoFar % READ_PROGRESS_EVERY === 0) this.onRead?.(this.readSoFar);
      if (!mapped.ok) {
        errors.push(...mapped.errors);
        continue;
      }
      const built = this.builder.build(mapped.rowNumber, mapped.record);
      if (!built.ok) {
        errors.push(...built.errors);
        continue;
      }
      const refused = rules?.admit(built.row);
      if (refused) {
        errors.push(refused);
        continue;
      }
      batch += this.encoder.line(built.row);
      staged += 1;
      if (batch.length >= BATCH_CHARS) {
        const buffer = Buffer.from(batch, 'utf8');
        batches.push(buffer);
        bytes += buffer.length;
        batch = '';
      }
    }
    if (batch !== '') batches.push(Buffer.from(batch, 'utf8'));
    return { batches, staged, errors, read, firstRow, lastRow, exhausted };
  }
}
