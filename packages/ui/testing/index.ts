export { browserPerFile, DEMO_LOGINS, launchBrowser, logIn, openPage, screenshot } from './browser';
export { stackGlobalSetup } from './global-setup';
export { freePort, type Running, startApi, startPreview } from './servers';
