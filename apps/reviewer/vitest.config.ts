import { preset } from '@dg/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...preset.test,
    include: ['e2e/**/*.e2e.ts'],
    // One API, one browser, one preview server per run: files share them and run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
