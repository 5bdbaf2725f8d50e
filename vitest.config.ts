import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Answers must not depend on the machine's time zone.
    env: { TZ: 'America/Los_Angeles' },
  },
});
