/**
 * The Vite configuration both web apps use: same React setup, same proxy to the API for dev and for `vite preview`
 * (which is what `start` runs), each app on its own port. Plain JavaScript because Vite loads configs with Node.
 */
import react from '@vitejs/plugin-react';

/** Paths the API serves; everything else is the single-page app. */
const API_PATHS = ['/trpc', '/files', '/edge', '/healthz', '/exports'];

/**
 * @param {{ portEnv: string, defaultPort: number }} options
 * @returns {import('vite').UserConfig}
 */
export function webAppConfig({ portEnv, defaultPort }) {
  const port = Number(process.env[portEnv] ?? defaultPort);
  const target = process.env.API_URL ?? 'http://127.0.0.1:8787';
  const proxy = Object.fromEntries(API_PATHS.map((path) => [path, { target, changeOrigin: false }]));
  return {
    plugins: [react()],
    resolve: { dedupe: ['react', 'react-dom', 'antd', '@tanstack/react-query'] },
    server: { port, strictPort: true, host: '127.0.0.1', proxy },
    preview: { port, strictPort: true, host: '127.0.0.1', proxy },
    build: { chunkSizeWarningLimit: 2500, sourcemap: false },
  };
}
