import { DEMO_LOGINS, launchBrowser, logIn, openPage, screenshot, startApi, startPreview } from '@dg/ui/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

const APP_DIR = new URL('..', import.meta.url).pathname;
let stack: Awaited<ReturnType<typeof startStack>>;

async function startStack() {
  const apiServer = await startApi();
  const app = await startPreview(APP_DIR, 'REVIEWER_PORT', apiServer.url);
  const browser = await launchBrowser();
  return { apiServer, app, browser };
}

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.browser.close();
  await stack?.app.stop();
  await stack?.apiServer.stop();
});

test('a wrong password is refused in Chinese, the right one opens the shell with the role', async () => {
  const page = await openPage(stack.browser as Browser, stack.app.url);
  await page.goto('/');
  await page.getByLabel('账号').fill('city1');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('账号或密码不正确').waitFor()).resolves.toBeUndefined();
  await screenshot(page, APP_DIR, 'login-refused');

  await logIn(page, 'city1', DEMO_LOGINS.password);
  expect(await page.getByTestId('current-role').textContent()).toBe('城市形式审查员');
  await screenshot(page, APP_DIR, 'login-shell');
});
