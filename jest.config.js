/** One jest run for every suite; `scripts/test.ts` runs it in band (2 cores: parallel workers thrash). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'mjs'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30000,
};
