import type { Readable } from 'node:stream';
import { sniffFile, sniffStream } from './byte-sniff.util';
import type { TextEncodingName } from './tabular.types';

/** Decoders actually used: GBK and GB2312 files are decoded as their superset GB18030. */
export type DetectedEncodingName = 'utf8' | 'gb18030';

export interface DetectedEncoding {
  readonly encoding: DetectedEncodingName;
  /** The input starts with a UTF-8 byte order mark (stripped when decoding). */
  readonly bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Detects the encoding of a text file from its leading bytes: a UTF-8 BOM or bytes that are
 * valid UTF-8 mean UTF-8, anything else GB18030. When `complete` is false the bytes are a
 * window cut from a longer input, so an unfinished multibyte character at the end is allowed.
 */
export function detectEncodingFromBytes(bytes: Uint8Array, complete: boolean): DetectedEncoding {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return { encoding: 'utf8', bom: true };
  return { encoding: isUtf8(bytes, complete) ? 'utf8' : 'gb18030', bom: false };
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // In streaming mode the decoder keeps an unfinished trailing sequence pending instead of
    // failing, yet still rejects any byte that cannot continue it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Maps a user-supplied encoding name to the decoder used. */
export function resolveEncodingName(name: TextEncodingName): DetectedEncodingName {
  switch (name) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'gbk':
    case 'gb2312':
    case 'gb18030':
      return 'gb18030';
  }
}

/** Detects a file's encoding from its first 64 KB. */
export function detectEncoding(path: string): Promise<DetectedEncoding>;
/**
 * Detects a byte stream's encoding from its first 64 KB. The input is consumed: read the
 * returned `stream`, which replays the sniffed bytes followed by the rest.
 */
export function detectEncoding(stream: Readable): Promise<DetectedEncoding & { stream: Readable }>;
export async function detectEncoding(
  source: string | Readable,
): Promise<DetectedEncoding | (DetectedEncoding & { stream: Readable })> {
  if (typeof source === 'string') {
    const sniff = await sniffFile(source);
    return detectEncodingFromBytes(sniff.bytes, sniff.complete);
  }
  const sniff = await sniffStream(source);
  return { ...detectEncodingFromBytes(sniff.bytes, sniff.complete), stream: sniff.stream };
}
