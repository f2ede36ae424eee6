import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startApi, startPreview } from './servers';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    appUrl: string;
  }
}

/**
 * A vitest globalSetup for an app's end-to-end tests: one real API (embedded database, demo seed) and one
 * `vite preview` of the app's build for the whole run; test files read their URLs with `inject('appUrl')`.
 */
export function stackGlobalSetup(appDir: string, portEnv: string) {
  return async function setup(project: TestProject) {
    const apiServer = await startApi();
    const app = await startPreview(appDir, portEnv, apiServer.url).catch(async (error) => {
      await apiServer.stop();
      throw error;
    });
    project.provide('apiUrl', apiServer.url);
    project.provide('appUrl', app.url);
    return async () => {
      await app.stop();
      await apiServer.stop();
    };
  };
}
