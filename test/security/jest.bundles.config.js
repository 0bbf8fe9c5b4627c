/** The scan of the built bundles (no-network.test.ts), run by `npm run test:browser` right after the build. */
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/security/no-network.test.ts'],
};
