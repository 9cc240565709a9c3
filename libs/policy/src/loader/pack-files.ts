import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PackProblem } from './problem';

/** A pack's files, read from disk or built in memory by tests. */
export interface PackFiles {
  /** Where they came from, for messages. */
  readonly dir: string;
  readonly packYaml: string;
  /** templates/<name>.hbs → its text. */
  readonly templates: Readonly<Record<string, string>>;
}

/** Finds a pack's files by id, for `extends`. */
export interface PackSourceResolver {
  find(id: string): PackFiles | null;
}

const MAX_FILE_BYTES = 512 * 1024;
const TEMPLATE_NAME = /^[a-z][a-z0-9-]{0,63}$/;

function readLimited(path: string): string {
  if (statSync(path).size > MAX_FILE_BYTES) {
    throw new Error(`${path} is larger than ${MAX_FILE_BYTES / 1024} KiB`);
  }
  return readFileSync(path, 'utf8');
}

/** Reads pack.yaml and templates/*.hbs; null when the directory holds no pack.yaml. */
export function readPackFiles(dir: string): PackFiles | null {
  const packPath = join(dir, 'pack.yaml');
  if (!existsSync(packPath)) return null;
  const templates: Record<string, string> = {};
  const templateDir = join(dir, 'templates');
  if (existsSync(templateDir)) {
    for (const file of readdirSync(templateDir).sort()) {
      const name = file.replace(/\.hbs$/, '');
      if (file.endsWith('.hbs') && TEMPLATE_NAME.test(name)) {
        templates[name] = readLimited(join(templateDir, file));
      }
    }
  }
  return { dir, packYaml: readLimited(packPath), templates };
}

/** Keys that could reach an object's prototype once the data meets JavaScript. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeys(value: unknown, path: string, out: PackProblem[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenKeys(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) out.push({ path: child, reason: 'is a reserved name' });
      else forbiddenKeys(v, child, out);
    }
  }
}

/**
 * YAML 1.2 (core schema: dates and times stay strings), duplicate keys refused, aliases
 * capped. Syntax errors come back with line and column.
 */
export function parseYaml(
  text: string,
  file: string,
): { value?: unknown; problems: PackProblem[] } {
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const pos = error.linePos?.[0];
        const message = error.message.split(/ at line \d+/)[0];
        return {
          path: file,
          reason: pos ? `line ${pos.line}, column ${pos.col}: ${message}` : message,
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { problems: [{ path: file, reason: (error as Error).message }] };
  }
  const problems: PackProblem[] = [];
  forbiddenKeys(value, '', problems);
  return { value, problems };
}

/** A template's front matter (between --- lines) and its body. */
export function splitFrontMatter(text: string): { frontMatter: string | null; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: null, body: text };
  return { frontMatter: match[1], body: text.slice(match[0].length) };
}
