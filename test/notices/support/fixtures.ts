import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './notices-api';

/** A test-pack template file, front matter included. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'test-pack/templates', `${name}.hbs`), 'utf8');
}
