import { preset } from '@dg/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({ ...preset, test: { ...preset.test, include: ['test/**/*.test.ts'] } });
