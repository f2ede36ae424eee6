import { webAppConfig } from '@dg/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(webAppConfig({ portEnv: 'CONSOLE_PORT', defaultPort: 5174 }));
