import { ROLES } from '@qingshou/core';
import { EVENT_NAMES } from '../registry/events';
import { METRIC_NAMES } from '../registry/metrics';
import { isPlainObject } from '../registry/registry.types';
import { PLATFORM_TASK_KINDS } from '../registry/vocabularies';
import {
  DeclaredParameter,
  emptyContext,
  RefKind,
  ValidationContext,
} from '../schema/validation-context';
import { PARAMETER_TYPES, ParameterType } from '../schema/value-kinds';

type Raw = Record<string, unknown>;

const list = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);
const strings = (items: unknown[]): string[] =>
  items.filter((x): x is string => typeof x === 'string');
const keysOf = (value: unknown, key: string): string[] =>
  strings(list(value).map((item) => item[key]));

/**
 * Gathers what the (merged, raw) pack declares. Built before validation so a reference can
 * be checked even when the declaration it points at has problems of its own.
 */
export function buildContext(
  raw: Raw,
  templateNames: readonly string[],
  planAgreements: readonly string[] = [],
): ValidationContext {
  const context = emptyContext();
  planAgreements.forEach((name) => (context.planAgreements as Set<string>).add(name));
  const refs = context.refs as Record<RefKind, Set<string>>;
  const add = (kind: RefKind, names: readonly string[]) => names.forEach((n) => refs[kind].add(n));

  const params = context.params as Map<string, DeclaredParameter>;
  for (const p of list(raw.parameters)) {
    if (typeof p.name === 'string' && (PARAMETER_TYPES as readonly unknown[]).includes(p.type)) {
      params.set(p.name, { type: p.type as ParameterType, values: keysOf(p.values, 'code') });
    }
  }
  add('role', [...ROLES, ...keysOf(raw.roles, 'id')]);
  add('taskKind', [...PLATFORM_TASK_KINDS, ...keysOf(raw.taskKinds, 'code')]);
  add('flag', keysOf(raw.flags, 'id'));
  add('stage', keysOf(raw.stages, 'id'));
  add('template', templateNames);
  add('report', keysOf(raw.reports, 'id'));
  add('drive', keysOf(raw.drives, 'id'));
  const groupTypes = Array.isArray(raw.groupTypes) ? strings(raw.groupTypes) : [];
  add('groupType', groupTypes);
  add('scope', ['tenant', 'collector', 'team', 'batch', 'step', ...groupTypes]);
  add('attribute', keysOf(raw.attributes, 'key'));
  add('approvalKind', keysOf(raw.approvals, 'kind'));
  add('reasonCode', isPlainObject(raw.reasonCodes) ? keysOf(raw.reasonCodes.codes, 'code') : []);
  add('importMapping', keysOf(raw.importMappings, 'id'));
  add('target', keysOf(raw.targets, 'id'));
  add('accountType', Array.isArray(raw.accountTypes) ? strings(raw.accountTypes) : []);
  add('metric', METRIC_NAMES);
  add('event', EVENT_NAMES);

  const phases = context.drivePhases as Map<string, Set<string>>;
  for (const drive of list(raw.drives)) {
    if (typeof drive.id === 'string') phases.set(drive.id, new Set(keysOf(drive.phases, 'id')));
  }
  const values = context.attributeValues as Map<string, Set<string>>;
  for (const attribute of list(raw.attributes)) {
    if (typeof attribute.key === 'string' && attribute.type === 'enum') {
      values.set(attribute.key, new Set(keysOf(attribute.values, 'code')));
    }
  }
  const withApprover = context.approvalKindsWithApprover as Set<string>;
  for (const approval of list(raw.approvals)) {
    if (typeof approval.kind === 'string' && typeof approval.by === 'string') {
      withApprover.add(approval.kind);
    }
  }
  return context;
}
