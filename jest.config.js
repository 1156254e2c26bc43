/**
 * Test projects, by what they need:
 * - unit:        `*.spec.ts`, nothing outside the process.
 * - integration: `*.int.spec.ts`, real Redis, RabbitMQ and FerretDB (scripts/services).
 * - system:*:    `*.contract.spec.ts`, the black-box suite, once per deployment;
 *                the harness starts the target named in `globals.SUT`.
 */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const systemProject = (sut) => ({
  ...base,
  displayName: `system:${sut}`,
  testMatch: ['<rootDir>/test/contract/system/**/*.contract.spec.ts'],
  globals: { SUT: sut },
  testTimeout: 30_000,
});

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{modules,src,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.contract\\.spec\\.ts$'],
    },
    {
      ...base,
      displayName: 'integration',
      globalSetup: '<rootDir>/test/harness/services/require-services.ts',
      testMatch: ['<rootDir>/{modules,src,test}/**/*.int.spec.ts'],
      testTimeout: 30_000,
    },
    systemProject('monolith'),
    systemProject('split'),
  ],
};
