import { Inject, Injectable, Optional } from '@nestjs/common';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isPlainObject } from '../registry/registry.types';
import { PACK_ID } from '../schema/pack.schema';
import { PackFiles, PackSourceResolver, parseYaml, readPackFiles } from './pack-files';

/** Injection token: where the packs live. Default: `policies/` at the repository root. */
export const POLICIES_DIR = 'QINGSHOU_POLICIES_DIR';

/**
 * The repository root is the nearest ancestor holding package.json and policies/: from
 * libs/policy/src/loader in tests and from dist/libs/policy/src/loader after a build.
 */
export function defaultPoliciesDir(start: string = __dirname): string {
  const configured = process.env.QINGSHOU_POLICIES_DIR;
  if (configured) return resolve(configured);
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) {
      return join(dir, 'policies');
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve('policies');
    dir = parent;
  }
}

export interface PackHeader {
  readonly id: string;
  readonly version: string;
  readonly names?: unknown;
  readonly description?: unknown;
  readonly audience: string;
  readonly extends?: string;
  readonly dir: string;
}

/** Finds packs in the policies directory: one folder per pack id, holding pack.yaml. */
@Injectable()
export class PackRegistry implements PackSourceResolver {
  readonly root: string;

  constructor(@Optional() @Inject(POLICIES_DIR) root?: string) {
    this.root = root ? resolve(root) : defaultPoliciesDir();
  }

  ids(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((name) => PACK_ID.test(name))
      .filter((name) => statSync(join(this.root, name)).isDirectory())
      .filter((name) => existsSync(join(this.root, name, 'pack.yaml')))
      .sort();
  }

  /** The pack's files, by id; the id is checked so it can never walk out of the root. */
  find(id: string): PackFiles | null {
    if (!PACK_ID.test(id)) return null;
    return readPackFiles(join(this.root, id));
  }

  /** What pack.yaml says about itself, read without validating the rest. */
  header(id: string): PackHeader | null {
    const files = this.find(id);
    if (!files) return null;
    const raw = parseYaml(files.packYaml, 'pack.yaml').value;
    if (!isPlainObject(raw)) return { id, version: '?', audience: 'production', dir: files.dir };
    return {
      id,
      version: String(raw.version ?? '?'),
      names: raw.names,
      description: raw.description,
      audience: raw.audience === 'test' ? 'test' : 'production',
      ...(typeof raw.extends === 'string' ? { extends: raw.extends } : {}),
      dir: files.dir,
    };
  }
}
