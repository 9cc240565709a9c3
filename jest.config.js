// Two projects: unit specs beside the code, integration specs in test/ against the real
// PostgreSQL and Redis. Each integration file gets its own database cloned from a migrated
// template (test/support/global-setup.ts), so files run in parallel.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  // Longest files first (CI's recorded seconds), so both workers finish at about the same time.
  testSequencer: '<rootDir>/scripts/test-sequencer.js',
  // Integration hooks boot Nest apps and clone databases; at a load average of 8 on two cores
  // that took over a minute (issue 14). A timeout catches a hang, it does not measure speed.
  testTimeout: 180000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 180000,
    },
  ],
};
