import type { Response } from 'superagent';

type Callback = (error: Error | null, body: Buffer) => void;

/** supertest's `.parse(...)` for a binary download (PDF, XLSX, a BOM-prefixed CSV): the raw bytes. */
export function binaryBody(res: Response, done: Callback): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
