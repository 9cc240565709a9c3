import 'reflect-metadata';
import YAML from 'yaml';
import { PackFiles, PackSourceResolver, parseYaml } from './pack-files';
import { PackProblem } from './problem';
import { resolvePack, ResolveOptions } from './resolve-pack';
import type { ResolvedPack } from './resolved-pack';

/** Helpers for the policy unit specs: packs built in memory, no disk. */

export const OVERDUE_TEMPLATE = `---
title: 逾期催收函
channel: letter
required: [debtor.name, account.overdueAmount]
---
<p>{{debtor.name}}：逾期金额 {{account.overdueAmount}} 元。</p>
`;

/** A small valid pack; specs change one thing and look for the one problem. */
export function basePack(): Record<string, unknown> {
  return {
    id: 'unit-pack',
    version: '1.0.0',
    names: { zh: '单元测试包', en: 'Unit pack' },
    accountTypes: ['microloan'],
    parameters: [
      {
        name: 'legalReferralDpd',
        type: 'integer',
        default: 90,
        min: 30,
        description: { zh: '转法务天数', en: 'DPD for legal' },
      },
      {
        name: 'callSla',
        type: 'duration',
        default: '1 working day',
        description: { zh: '时限', en: 'SLA' },
      },
    ],
    stages: [
      {
        id: 'calls',
        when: { dpd: '1..6' },
        do: [{ task: { kind: 'call', every: '1d', sla: { param: 'callSla' } } }],
      },
      { id: 'letter', when: { dpd: { min: 7 } }, do: [{ notice: 'overdue-demand' }] },
      {
        id: 'legal',
        when: { dpd: { min: { param: 'legalReferralDpd' } } },
        do: [{ approval: { kind: 'legal-referral', by: 'legal' } }],
      },
    ],
  };
}

export function filesOf(
  pack: Record<string, unknown> | string,
  templates: Record<string, string> = { 'overdue-demand': OVERDUE_TEMPLATE },
  dir = 'memory',
): PackFiles {
  return { dir, packYaml: typeof pack === 'string' ? pack : YAML.stringify(pack), templates };
}

/** Resolves `extends` among the given packs by their declared id. */
export function resolverOf(...packs: PackFiles[]): PackSourceResolver {
  return {
    find: (id) =>
      packs.find((p) => (parseYaml(p.packYaml, '').value as { id?: string }).id === id) ?? null,
  };
}

export function problemsOf(
  files: PackFiles,
  options: ResolveOptions = { mode: 'validate' },
  resolver: PackSourceResolver = resolverOf(),
): PackProblem[] {
  const result = resolvePack(files, resolver, options);
  return result.ok ? [] : [...result.problems];
}

export function resolved(
  files: PackFiles,
  options: ResolveOptions = { mode: 'validate' },
  resolver: PackSourceResolver = resolverOf(),
): ResolvedPack {
  const result = resolvePack(files, resolver, options);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.pack;
}

/** A copy of the base pack with one stage list edit. */
export function withStages(stages: unknown[]): Record<string, unknown> {
  return { ...basePack(), stages };
}
