import { preset } from '@dg/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    ...preset.test,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // One API and one preview server per run, shared by the files, which run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
