import type { DomainEvent } from '@qingshou/db';
import type { PackDiff } from '../pack-diff';
import type { PackInstallation } from './pack-installation.entity';

/** Event types the policy lib appends. */
export const POLICY_EVENTS = {
  packInstalled: 'PackInstalled',
  packUpgraded: 'PackUpgraded',
} as const;

/** The outbox topic the relay publishes; the engine re-stages cases on these events. */
const PUBLISH = ['domain-events'] as const;

/** What an installation pins, as the audit trail records it. */
export function pinned(row: PackInstallation): Record<string, unknown> {
  return {
    installationId: row.id,
    packId: row.packId,
    version: row.version,
    params: row.params,
    digest: row.digest,
  };
}

export function packInstalled(row: PackInstallation, extendsChain: readonly string[]): DomainEvent {
  const after = pinned(row);
  return {
    type: POLICY_EVENTS.packInstalled,
    aggregateType: 'tenant-policy',
    aggregateId: row.tenantId,
    payload: { ...after, extendsChain },
    before: null,
    after,
    publish: PUBLISH,
  };
}

/** Ids of what changed per section: enough to audit, small enough to hash. */
function outline(diff: PackDiff): Record<string, unknown> {
  const sections = Object.fromEntries(
    Object.entries({ parameters: diff.parameters, ...diff.sections }).map(([name, d]) => [
      name,
      {
        added: d.added.map((x) => x.id),
        removed: d.removed.map((x) => x.id),
        changed: d.changed.map((x) => x.id),
        reordered: d.reordered,
      },
    ]),
  );
  return {
    changes: diff.changes,
    sections,
    paramValues: diff.paramValues,
    settings: diff.settings.map((s) => s.field),
    templates: diff.templates,
  };
}

export function packUpgraded(
  previous: PackInstallation,
  next: PackInstallation,
  diff: PackDiff,
): DomainEvent {
  return {
    type: POLICY_EVENTS.packUpgraded,
    aggregateType: 'tenant-policy',
    aggregateId: next.tenantId,
    payload: { previousInstallationId: previous.id, ...pinned(next), diff: outline(diff) },
    before: pinned(previous),
    after: pinned(next),
    publish: PUBLISH,
  };
}
