import { fileURLToPath } from 'node:url';
import preset from '@dg/vitest-config';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const mock = (name: string) => fileURLToPath(new URL(`./mocks/${name}`, import.meta.url));

export default defineConfig({
  test: {
    ...preset.test,
    projects: [
      {
        plugins: [react()],
        // The app's source is compiled for Taro; here its platform modules are stood in by DOM equivalents.
        resolve: {
          alias: { '@tarojs/components': mock('components.tsx'), '@tarojs/taro': mock('taro.ts') },
          dedupe: ['react', 'react-dom'],
        },
        define: { API_BASE: JSON.stringify('') },
        test: { name: 'components', environment: 'jsdom', include: ['components/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
