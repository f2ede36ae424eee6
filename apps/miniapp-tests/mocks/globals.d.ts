/** The build-time constant the app's config defines (config/index.ts); the component tests define it as ''. */
declare const API_BASE: string;
