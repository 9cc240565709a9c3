export * from './cqrs/command-meta';
export * from './errors/domain-error';
export * from './auth/role';
export * from './config/app-config';
export * from './logging/redact';
export * from './logging/driver-errors';
export * from './config/app-config.module';
export { neutraliseCell } from './tabular/error-report.writer';
export * from './access';
