import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn bin/roadmap.cjs, which runs the built dist/.
    testTimeout: 20_000,
  },
});
