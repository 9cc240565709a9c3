import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import type { DetectedEncodingName } from './encoding-detection.util';
import { TabularEncodingError } from './tabular.errors';

/**
 * Strict UTF-8 decoder: a leading BOM is dropped and an invalid byte fails the stream with a
 * {@link TabularEncodingError} instead of silently becoming U+FFFD.
 */
export class Utf8DecodeTransform extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  constructor() {
    super({ encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.offset += chunk.length;
      callback(null, text);
    } catch {
      callback(this.invalid());
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(this.invalid());
    }
  }

  private invalid(): TabularEncodingError {
    return new TabularEncodingError(
      `File is not valid UTF-8 (near byte ${this.offset}); save it as UTF-8 or pass encoding 'gbk'`,
      `文件不是有效的 UTF-8 编码（约第 ${this.offset} 字节），请另存为 UTF-8 或指定 GBK 编码`,
    );
  }
}

/** A transform turning bytes in `encoding` into text (string chunks), BOM removed. */
export function createTextDecoder(encoding: DetectedEncodingName): Transform {
  if (encoding === 'utf8') return new Utf8DecodeTransform();
  return iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform;
}
