/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'es6' },
  },
];

const libs = ['domain', 'config', 'errors', 'persistence', 'auth', 'contracts', 'markdown', 'help-queue', 'observability', 'testing'];

const moduleNameMapper: Record<string, string> = {
  '^(\\.{1,2}/.*)\\.js$': '$1',
  ...Object.fromEntries(libs.map((lib) => [`^@fabrique/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
};

function project(name: string, root: string, withServices: boolean): Config {
  return {
    displayName: name,
    rootDir: '.',
    roots: [`<rootDir>/${root}`],
    testMatch: ['**/*.spec.ts'],
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': swc as never },
    moduleNameMapper,
    testEnvironment: 'node',
    // Service-backed projects get a database of their own per Jest worker (see jest/worker-env.ts).
    setupFiles: withServices ? ['<rootDir>/jest/worker-env.ts'] : [],
  };
}

const config: Config = {
  globalSetup: '<rootDir>/jest/global-setup.ts',
  globalTeardown: '<rootDir>/jest/global-teardown.ts',
  testTimeout: 30_000,
  projects: [
    project('domain', 'libs/domain', false),
    project('config', 'libs/config', false),
    project('contracts', 'libs/contracts', false),
    project('markdown', 'libs/markdown', false),
    project('observability', 'libs/observability', true),
    project('persistence', 'libs/persistence', true),
    project('auth', 'libs/auth', true),
    project('help-queue', 'libs/help-queue', true),
    project('testing', 'libs/testing', true),
    project('api', 'apps/api', true),
    project('realtime', 'apps/realtime', true),
    project('worker', 'apps/worker', true),
    project('bench', 'apps/bench', false),
    // The browser tests: the built stack and web app, Debian's Chromium through playwright-core.
    project('web', 'apps/web/e2e', true),
  ],
};

export default config;
