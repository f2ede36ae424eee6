import { webAppConfig } from '@dg/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(webAppConfig({ portEnv: 'REVIEWER_PORT', defaultPort: 5173 }));
