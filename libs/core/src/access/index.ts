export * from './viewer';
export * from './permissions';
export * from './case-visibility';
