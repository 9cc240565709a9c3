export * from './policy.module';
export * from './registry/actions';
export * from './registry/conditions';
export * from './registry/durations';
export * from './registry/events';
export * from './registry/metrics';
export * from './registry/vocabularies';
export * from './schema/pack.schema';
export * from './schema/assignment.schema';
export * from './schema/plans.schema';
export * from './schema/self-service.schema';
export * from './loader/problem';
export * from './loader/pack-files';
export * from './loader/pack-registry';
export * from './loader/pack-loader';
export * from './loader/resolve-pack';
export * from './loader/resolved-pack';
export * from './loader/semver';
export type { ParamValue } from './loader/params';
export * from './lifecycle/pack-diff';
export * from './lifecycle/support/pack-installation.entity';
export * from './lifecycle/support/policy-events';
export * from './lifecycle/support/installations';
export * from './lifecycle/support/active-packs';
export * from './lifecycle/support/tenant-by-slug';
export * from './lifecycle/install-pack/install-pack.command';
export * from './lifecycle/upgrade-pack/upgrade-pack.command';
export type { UpgradedPack } from './lifecycle/upgrade-pack/upgrade-pack.handler';
export * from './lifecycle/get-current-pack/get-current-pack.query';
export * from './lifecycle/get-pack-vocabulary/get-pack-vocabulary.query';
export * from './lifecycle/list-pack-installations/list-pack-installations.query';
export * from './lifecycle/preview-pack-change/preview-pack-change.query';
export type { PackChangePreview } from './lifecycle/preview-pack-change/preview-pack-change.handler';
export * from './lifecycle/list-available-packs/list-available-packs.query';
export * from './registry/condition-args';
export * from './constructs';
export * from './registry/action-args';
export * from './registry/registry.types';
export * from './schema/common.schema';
export * from './schema/parameters.schema';
export * from './schema/settings.schema';
export * from './schema/declarations.schema';
export * from './schema/ladder.schema';
export * from './schema/outcomes.schema';
export * from './schema/drives.schema';
export * from './schema/documents.schema';
export {
  PARAMETER_TYPES,
  type ParameterType,
  type ParamRef,
  isParamRef,
} from './schema/value-kinds';
