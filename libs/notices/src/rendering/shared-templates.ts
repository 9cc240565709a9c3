import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Layouts and partials from the repository's `templates/` folder, by name. */
export interface SharedTemplateSet {
  readonly layouts: ReadonlyMap<string, string>;
  readonly partials: ReadonlyMap<string, string>;
}

const NAME = /^[a-z][a-z0-9-]{0,47}$/;

/**
 * The folder the process serves shared templates from. Like STORAGE_DIR, it is relative to
 * the working directory: `npm start`, the worker and jest all run from the repository root.
 */
export function defaultSharedTemplatesDir(): string {
  return resolve(process.cwd(), 'templates');
}

function readFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    const name = file.slice(0, -'.hbs'.length);
    if (!NAME.test(name)) {
      throw new Error(`shared template ${join(dir, file)}: names are lowercase words with dashes`);
    }
    files.set(name, readFileSync(join(dir, file), 'utf8'));
  }
  return files;
}

/** Read once at boot: a changed layout takes effect on restart, like a deploy. */
export function loadSharedTemplates(dir: string = defaultSharedTemplatesDir()): SharedTemplateSet {
  return {
    layouts: readFolder(join(dir, 'layouts')),
    partials: readFolder(join(dir, 'partials')),
  };
}
