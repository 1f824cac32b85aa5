import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn bin/roadmap.js, which runs the built dist/.
    testTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
