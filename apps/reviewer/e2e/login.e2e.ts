import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

test('a wrong password is refused in Chinese; the right one opens the shell with the role; logout returns to login', async () => {
  const page = await browser.newPage();
  await page.goto('/');
  await page.getByLabel('账号').fill('city1');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('账号或密码不正确').waitFor();
  await browser.shot(page, 'login-refused');

  await logIn(page, 'city1', DEMO_LOGINS.password);
  expect(await page.getByTestId('current-role').textContent()).toBe('城市形式审查员');
  await browser.shot(page, 'login-shell');

  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.getByLabel('账号').waitFor();
  await page.reload();
  await page.getByLabel('账号').waitFor();
});
