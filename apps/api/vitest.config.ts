import { preset } from '@dg/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  ...preset,
  test: {
    ...preset.test,
    include: ['test/**/*.test.ts'],
    globalSetup: ['@dg/db/testing/global-setup'],
    // Two cores shared with other engineers: one file at a time keeps PGlite boots and scrypt from starving.
    fileParallelism: false,
  },
});
