import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError, ValidationFailedError } from '@qingshou/core';
import { resolve } from 'node:path';
import { readPackFiles } from './pack-files';
import { PackRegistry } from './pack-registry';
import { PackProblem, PackResult } from './problem';
import { resolvePack, ResolveOptions } from './resolve-pack';
import type { ResolvedPack } from './resolved-pack';
import { satisfies } from './semver';

/** A pack in the repository does not validate: the platform's fault, not the caller's. */
export class PackInvalidError extends DomainError {
  constructor(id: string, problems: readonly PackProblem[]) {
    super(
      'pack-invalid',
      `Pack ${id} has ${problems.length} problem(s) and cannot be used`,
      422,
      problems,
    );
  }
}

/** Loads packs from a directory or from the registry by id and version range. */
@Injectable()
export class PackLoader {
  constructor(readonly registry: PackRegistry) {}

  /** Any directory (the CLI's `pack validate <dir>`); `extends` resolves through the registry. */
  loadDir(dir: string, options: ResolveOptions = { mode: 'validate' }): PackResult<ResolvedPack> {
    const files = readPackFiles(resolve(dir));
    if (!files)
      return { ok: false, problems: [{ path: dir, reason: 'no pack.yaml in this directory' }] };
    return resolvePack(files, this.registry, options);
  }

  load(id: string, range: string | undefined, options: ResolveOptions): PackResult<ResolvedPack> {
    const files = this.registry.find(id);
    if (!files)
      return {
        ok: false,
        problems: [{ path: 'pack', reason: `no pack "${id}" in ${this.registry.root}` }],
      };
    const result = resolvePack(files, this.registry, options);
    if (!result.ok) return result;
    if (result.pack.id !== id) {
      return {
        ok: false,
        problems: [
          { path: 'id', reason: `policies/${id}/pack.yaml declares id "${result.pack.id}"` },
        ],
      };
    }
    if (range && !satisfies(result.pack.version, range)) {
      return {
        ok: false,
        problems: [
          {
            path: 'version',
            reason: `${id} is at version ${result.pack.version}, which does not match "${range}"`,
          },
        ],
      };
    }
    return result;
  }

  /**
   * For install and upgrade: a missing pack is 404, a version mismatch or bad parameters
   * 400 (the caller's choice), a pack that does not validate 422.
   */
  loadForTenant(
    id: string,
    range: string | undefined,
    params: Readonly<Record<string, unknown>>,
  ): ResolvedPack {
    if (!this.registry.find(id)) throw new NotFoundError('pack', id);
    const result = this.load(id, undefined, { mode: 'install', params });
    if (!result.ok) {
      const paramProblems = result.problems.filter((p) => p.path.startsWith('params.'));
      if (paramProblems.length === result.problems.length) {
        throw new ValidationFailedError(
          `Pack ${id} refuses ${paramProblems.length} parameter value(s)`,
          paramProblems,
        );
      }
      throw new PackInvalidError(id, result.problems);
    }
    if (range && !satisfies(result.pack.version, range)) {
      throw new ValidationFailedError(`Pack ${id} is at version ${result.pack.version}`, [
        {
          path: 'version',
          reason: `${id} is at version ${result.pack.version}, which does not match "${range}"`,
        },
      ]);
    }
    return result.pack;
  }
}
