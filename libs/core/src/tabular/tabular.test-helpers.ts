import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test-only helpers shared by the tabular specs. */
export const FIXTURES = join(__dirname, '../../../../test/fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A fresh directory under os.tmpdir(); call the returned cleanup in afterAll. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'qingshou-tabular-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
