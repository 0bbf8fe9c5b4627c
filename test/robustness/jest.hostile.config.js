/** `npm run test:hostile`: the hostile-file suite through the built CLI (slow; not part of `npm test`). */
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/robustness/hostile.suite.ts'],
  testTimeout: 30 * 60 * 1000,
};
