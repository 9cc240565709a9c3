import { plainToInstance } from 'class-transformer';
import { isPlainObject } from '../registry/registry.types';
import { PackSpec } from '../schema/pack.schema';
import { withValidationContext } from '../schema/validation-context';
import { buildContext } from './build-context';
import { duplicateIdProblems, selfServiceProblems, templateFieldProblems } from './cross-checks';
import { stripDirectives, mergePacks, parseExtends } from './merge';
import { PackFiles, PackSourceResolver, parseYaml } from './pack-files';
import { declarationProblems, effectiveParams } from './params';
import { PackProblem, PackResult } from './problem';
import {
  digestOf,
  PackData,
  ResolvedPack,
  ResolvedTemplate,
  templatePurpose,
} from './resolved-pack';
import { satisfies, versionProblem } from './semver';
import { substitute } from './substitute';
import { readTemplate } from './templates';
import { parseDynamicFields, validateInstance } from './validate-tree';

type Raw = Record<string, unknown>;

export interface ResolveOptions {
  /** The tenant's parameter values (overrides of the defaults). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** install: every required parameter must be given. validate: they may stay open. */
  readonly mode: 'install' | 'validate';
}

interface Link {
  readonly files: PackFiles;
  readonly raw: Raw;
  readonly label: string;
}

const MAX_DEPTH = 8;

/** The pack and the packs it extends, base first. Problems in a base are prefixed with it. */
function loadChain(
  files: PackFiles,
  resolver: PackSourceResolver,
  out: PackProblem[],
): Link[] | null {
  const chain: Link[] = [];
  const seen: string[] = [];
  let current: PackFiles | null = files;
  let label = 'pack.yaml';
  while (current) {
    const parsed = parseYaml(current.packYaml, label);
    out.push(...parsed.problems);
    if (parsed.problems.length) return null;
    if (!isPlainObject(parsed.value)) {
      out.push({ path: label, reason: 'must be a mapping of pack fields (id, version, names, …)' });
      return null;
    }
    const raw = parsed.value;
    chain.unshift({ files: current, raw, label });
    seen.push(String(raw.id));
    if (raw.extends === undefined) break;
    const prefix = chain.length === 1 ? '' : `${label}:`;
    const target = parseExtends(raw.extends);
    if (!target) {
      out.push({
        path: `${prefix}extends`,
        reason: 'must be "<pack id>@<version range>", e.g. test-ladder@^1.0.0',
      });
      return null;
    }
    if (seen.includes(target.id) || chain.length > MAX_DEPTH) {
      out.push({
        path: `${prefix}extends`,
        reason: `extends forms a cycle: ${[...seen, target.id].join(' → ')}`,
      });
      return null;
    }
    const base = resolver.find(target.id);
    if (!base) {
      out.push({ path: `${prefix}extends`, reason: `pack "${target.id}" was not found` });
      return null;
    }
    const baseVersion = String((parseYaml(base.packYaml, '').value as Raw | undefined)?.version);
    if (!satisfies(baseVersion, target.range)) {
      out.push({
        path: `${prefix}extends`,
        reason: `${target.id} is at version ${baseVersion}, which does not match "${target.range}"`,
      });
      return null;
    }
    current = base;
    label = `extends(${target.id}@${baseVersion})`;
  }
  return chain;
}

/**
 * pack.yaml (+ the packs it extends, + templates) → a ResolvedPack, or every problem with
 * its path. Phases: syntax; merge; shape, references and rules; parameters; substitution
 * and cross-field checks. A phase reports everything it finds before the run stops.
 */
export function resolvePack(
  files: PackFiles,
  resolver: PackSourceResolver,
  options: ResolveOptions,
): PackResult<ResolvedPack> {
  const problems: PackProblem[] = [];
  const fail = (): PackResult<ResolvedPack> => ({ ok: false, problems });
  const chain = loadChain(files, resolver, problems);
  if (!chain) return fail();

  let merged = chain[0].raw;
  problems.push(...stripDirectives(merged));
  for (const link of chain.slice(1)) merged = mergePacks(merged, link.raw, problems);

  const templates: Record<string, ResolvedTemplate> = {};
  const templateTexts = new Map<string, { pack: string; text: string }>();
  for (const link of chain) {
    for (const [name, text] of Object.entries(link.files.templates)) {
      templateTexts.set(name, { pack: String(link.raw.id), text });
    }
  }
  for (const [name, { pack, text }] of templateTexts) {
    const template = readTemplate(name, pack, text, problems);
    if (template) templates[name] = template;
  }

  const planAgreements = Object.values(templates)
    .filter((t) => templatePurpose(t) === 'plan-agreement')
    .map((t) => t.name);
  const context = buildContext(merged, [...templateTexts.keys()], planAgreements);
  const spec = plainToInstance(PackSpec, merged);
  withValidationContext(context, () => {
    const version = versionProblem(merged.version);
    if (merged.version !== undefined && version)
      problems.push({ path: 'version', reason: version });
    problems.push(...validateInstance(spec, ''));
    parseDynamicFields(spec, '', problems);
    problems.push(...duplicateIdProblems(spec));
    problems.push(...selfServiceProblems(spec));
    problems.push(...declarationProblems(spec.parameters ?? []));
    problems.push(...templateFieldProblems(templates, new Set(context.params.keys())));
  });
  if (problems.length) return fail();

  const params = effectiveParams(
    spec.parameters,
    options.params ?? {},
    options.mode === 'install',
    problems,
  );
  if (problems.length) return fail();
  withValidationContext(context, () => substitute(spec, '', params.values, problems));
  if (problems.length) return fail();

  const unsigned = {
    id: spec.id,
    version: spec.version,
    extendsChain: chain
      .slice(0, -1)
      .reverse()
      .map((l) => `${String(l.raw.id)}@${String(l.raw.version)}`),
    params: params.values,
    overrides: params.overrides,
    unresolved: params.unresolved,
    spec: JSON.parse(JSON.stringify(spec)) as PackData,
    templates,
  };
  return { ok: true, pack: { ...unsigned, digest: digestOf(unsigned) } };
}
