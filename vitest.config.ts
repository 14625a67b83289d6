import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Only makes a temporary folder; dashboard tests build sites into it on first use.
    globalSetup: ['test/dashboard/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
});
