/** Node tests for the engine, files and CLI; jsdom tests for the pane and page. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // The machine is shared: a DOM test that takes 2 s alone can take 8 under load.
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // The bundle scan needs a fresh build: npm run test:browser runs it after building.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/security/no-network.test.ts'],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
    },
  ],
};
