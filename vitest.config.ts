import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // The usual report, then every skipped test with its reason (tests/helpers/skipped-reporter.ts).
    reporters: ['default', './tests/helpers/skipped-reporter.ts'],
  },
});
