import type { UserConfig } from 'vite';

export function webAppConfig(options: { portEnv: string; defaultPort: number }): UserConfig;
