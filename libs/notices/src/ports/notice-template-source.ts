import { DomainError } from '@qingshou/core';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** One template file as a pack ships it. */
export interface NoticeTemplateFile {
  /** '<pack>/<template>', e.g. 'leasing-dealer-arrears/final-notice'. */
  readonly templateId: string;
  /** The pack version the file comes from; stored on every notice rendered from it. */
  readonly packVersion: string;
  readonly source: string;
}

/**
 * PORT. Which template a tenant's notice id means is the policy engine's call: it knows the
 * pack version the tenant pinned. Until that lib binds its own source
 * (`NoticesModule.withPorts`), templates are read from `policies/<pack>/templates`.
 */
export abstract class NoticeTemplateSource {
  /** undefined when there is no such template for this tenant. */
  abstract find(tenantId: string, templateId: string): Promise<NoticeTemplateFile | undefined>;
}

const TEMPLATE_ID = /^([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9][a-z0-9-]{0,62})$/;
const SEMVER = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

export function defaultPoliciesDir(): string {
  return resolve(process.cwd(), 'policies');
}

/**
 * Reads `<root>/<pack>/templates/<name>.hbs` and the version from `<root>/<pack>/pack.yaml`.
 * The id pattern admits no dots or slashes beyond the one separator, so an id cannot
 * climb out of the root.
 */
export class PackDirectoryTemplateSource extends NoticeTemplateSource {
  constructor(private readonly root: string = defaultPoliciesDir()) {
    super();
  }

  async find(_tenantId: string, templateId: string): Promise<NoticeTemplateFile | undefined> {
    const match = TEMPLATE_ID.exec(templateId);
    if (!match) return undefined;
    const [, pack, name] = match;
    const source = await readIfExists(join(this.root, pack, 'templates', `${name}.hbs`));
    if (source === undefined) return undefined;
    return { templateId, packVersion: await this.version(pack), source };
  }

  private async version(pack: string): Promise<string> {
    const manifest = await readIfExists(join(this.root, pack, 'pack.yaml'));
    const version =
      manifest === undefined ? undefined : (parseYaml(manifest) as { version?: unknown })?.version;
    if (typeof version !== 'string' || !SEMVER.test(version)) {
      throw new DomainError(
        'notice-pack-version',
        `Pack ${pack} has no semver version in pack.yaml, so its notices cannot be traced`,
        500,
      );
    }
    return version;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
