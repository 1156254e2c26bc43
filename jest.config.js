/**
 * Test projects, by what they need:
 * - unit:        `*.spec.ts`, nothing outside the process.
 * - integration: `*.int.spec.ts`, real Redis, RabbitMQ and FerretDB (scripts/services).
 * - system:*:    `*.contract.spec.ts`, the black-box suite, once per deployment;
 *                the harness starts the target named in `globals.SUT`.
 * - browser:*:   `web/e2e/*.browser.spec.ts`, the web client in headless Chromium, once per deployment.
 * - system:binary: the single executable (built when stale) against a smoke subset of the
 *                system suite, plus its own tests in test/binary.
 * - disruptive:  `*.disruptive.int.spec.ts`, tests that restart a shared service; they run
 *                alone, after the rest (`CHATTERROOM_DISRUPTIVE=1`, as scripts/test.sh does).
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const base = {
  rootDir: __dirname,
  // The package-style import aliases (`@chatterroom/kernel`, ...) of tsconfig.json's `paths`.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  // Transpile only: tsconfig.json sets isolatedModules, and `npm run typecheck` checks types. fastify's inject loads cookie@2 and
  // mercurius loads content-disposition@3 (through @fastify/static), which ship only as ES
  // modules, and so does jose@6: compile them to CommonJS too.
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
    '/node_modules/(cookie|content-disposition|jose)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/**
 * What only some targets offer; the specs that need one live in test/contract/system/<capability>/
 * and run only in the projects whose target has it (no `if (mode)` in a test).
 */
const CAPABILITIES = ['grpc'];

const systemProject = (sut, capabilities, testMatch = ['<rootDir>/test/contract/system/**/*.contract.spec.ts']) => ({
  ...base,
  displayName: `system:${sut}`,
  testMatch,
  testPathIgnorePatterns: [
    '/node_modules/',
    ...CAPABILITIES.filter((capability) => !capabilities.includes(capability)).map((capability) => `/test/contract/system/${capability}/`),
  ],
  globals: { SUT: sut },
  globalSetup: `<rootDir>/test/harness/system/${sut}.global-setup.ts`,
  globalTeardown: `<rootDir>/test/harness/system/${sut}.global-teardown.ts`,
  setupFilesAfterEnv: ['<rootDir>/test/harness/system/close-sockets.setup.ts'],
});

/** The system suite's files the single executable runs: accounts, private chat, rooms, WebSocket delivery, GraphQL. */
const BINARY_SMOKE = ['users', 'private-chat', 'rooms', 'realtime-delivery', 'graphql', 'graphql-subscriptions'];

/**
 * The web client in a real browser (web/e2e, Playwright driving Debian's Chromium) against a
 * deployment: the same targets as the system suite. web/e2e/monolith/ runs in browser:monolith
 * only: the screenshots and accessibility check (one set of pictures), and a server restart
 * (a monolith of its own).
 */
const browserProject = (sut) => ({
  ...base,
  displayName: `browser:${sut}`,
  testMatch: ['<rootDir>/web/e2e/**/*.browser.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(sut === 'monolith' ? [] : ['/web/e2e/monolith/'])],
  globals: { SUT: sut },
  globalSetup: `<rootDir>/test/harness/system/${sut}.global-setup.ts`,
  globalTeardown: `<rootDir>/test/harness/system/${sut}.global-teardown.ts`,
  // a failed test leaves its pages' console, WebSocket frames and requests in a file (web/e2e/support/page-recorder.ts)
  testEnvironment: '<rootDir>/web/e2e/support/browser-test.environment.ts',
  setupFilesAfterEnv: ['<rootDir>/web/e2e/support/recordings.setup.ts'],
});

const disruptiveProject = {
  ...base,
  displayName: 'disruptive',
  globalSetup: '<rootDir>/test/harness/services/services.global-setup.ts',
  testMatch: ['<rootDir>/{modules,src,test}/**/*.disruptive.int.spec.ts'],
};

module.exports = process.env.CHATTERROOM_DISRUPTIVE === '1' ? { testTimeout: 120_000, projects: [disruptiveProject] } : {
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{modules,src,test,web}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.contract\\.spec\\.ts$', '\\.browser\\.spec\\.ts$', '<rootDir>/test/binary/'],
    },
    {
      ...base,
      displayName: 'integration',
      globalSetup: '<rootDir>/test/harness/services/services.global-setup.ts',
      testMatch: ['<rootDir>/{modules,src,test}/**/*.int.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.disruptive\\.int\\.spec\\.ts$'],
    },
    systemProject('monolith', []),
    systemProject('split', ['grpc']),
    browserProject('monolith'),
    browserProject('split'),
    systemProject('binary', [], [
      ...BINARY_SMOKE.map((name) => `<rootDir>/test/contract/system/${name}.contract.spec.ts`),
      '<rootDir>/test/binary/**/*.spec.ts',
    ]),
  ],
};
