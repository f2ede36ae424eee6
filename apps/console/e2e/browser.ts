import { launchBrowser, openPage, screenshot } from '@dg/ui/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const APP_DIR = new URL('..', import.meta.url).pathname;

/** One Chromium per test file; each `newPage()` is a separate person (own cookies). */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage: () => openPage(browser, inject('appUrl')),
    shot: (page: Page, name: string) => screenshot(page, APP_DIR, name),
  };
}
