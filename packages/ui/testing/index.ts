export { DEMO_LOGINS, launchBrowser, logIn, openPage, screenshot } from './browser';
export { freePort, type Running, startApi, startPreview } from './servers';
