import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** How many leading bytes are inspected to detect the encoding and file type. */
export const SNIFF_BYTES = 64 * 1024;

export interface ByteSniff {
  /** Up to `limit` leading bytes. */
  readonly bytes: Buffer;
  /** True when `bytes` is the whole input (so a trailing partial character is an error, not a cut). */
  readonly complete: boolean;
}

export interface StreamSniff extends ByteSniff {
  /** A stream yielding every byte of the input, the sniffed ones included. */
  readonly stream: Readable;
}

/** Reads the first `limit` bytes of a file. */
export async function sniffFile(path: string, limit = SNIFF_BYTES): Promise<ByteSniff> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(filled, limit)), complete: filled <= limit };
  } finally {
    await handle.close();
  }
}

/**
 * Reads the first `limit` bytes of a byte stream without losing them: the returned stream
 * replays the sniffed bytes, then the rest of the input.
 */
export async function sniffStream(input: Readable, limit = SNIFF_BYTES): Promise<StreamSniff> {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  await new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      input.off('error', onError);
    };
    const onReadable = (): void => {
      let chunk: unknown;
      while (size <= limit && (chunk = input.read()) !== null) {
        const buffer = toBuffer(chunk);
        chunks.push(buffer);
        size += buffer.length;
      }
      if (size > limit) {
        cleanup();
        resolve();
      }
    };
    const onEnd = (): void => {
      ended = true;
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    input.on('readable', onReadable);
    input.on('end', onEnd);
    input.on('error', onError);
  });
  const head = Buffer.concat(chunks);
  const rest = ended ? undefined : input;
  const replay = Readable.from(
    (async function* (): AsyncGenerator<Buffer> {
      if (head.length > 0) yield head;
      if (rest) {
        for await (const chunk of rest) yield toBuffer(chunk);
      }
    })(),
    { objectMode: false },
  );
  return {
    bytes: head.subarray(0, limit),
    complete: ended && head.length <= limit,
    stream: replay,
  };
}

/** Binary signatures of files that are not text, so must not be parsed as CSV. */
export type BinarySignature = 'zip' | 'ole' | 'utf16';

export function detectBinarySignature(bytes: Uint8Array): BinarySignature | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'utf16';
  return undefined;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('Expected a byte stream');
}
