export { launchBrowser, logIn, openPage, screenshot } from './browser';
export { freePort, type Running, startApi, startPreview } from './servers';
