import { readFile } from 'node:fs/promises';
import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);
// Every .xlsx is a zip archive: it starts with the local file header "PK\x03\x04".
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

test('the approver reads the dashboard and the budgets, and downloads a funding plan as a real .xlsx', async () => {
  const page = await browser.newPage();
  await logIn(page, 'approver1', DEMO_LOGINS.password);

  await page.getByRole('menuitem', { name: '数据看板' }).click();
  const dashboard = page.getByTestId('dashboard');
  await dashboard.getByText('按项目统计申报数').waitFor();
  await dashboard.getByText('算力券 · 按办理环节').waitFor();
  await dashboard.getByText('长安镇').first().waitFor();
  await browser.shot(page, 'dashboard');

  await page.getByRole('menuitem', { name: '预算' }).click();
  const budgets = page.getByTestId('budget-table');
  await budgets.locator('.ant-progress').first().waitFor();
  expect(await budgets.locator('.ant-table-tbody tr').count()).toBeGreaterThan(0);
  await browser.shot(page, 'budgets');

  await page.getByRole('menuitem', { name: '资助计划' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: '算力券' }).first().click();
  await page.getByText('东府办复〔2025〕108号').waitFor();
  await browser.shot(page, 'funding-plan');
  const link = page.getByTestId('export-funding-plan');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/exports\/funding-plans\/[0-9a-f-]{36}\.xlsx$/);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('2025年资助计划（第一批）.xlsx');
  const saved = await readFile((await download.path())!);
  expect([...saved.subarray(0, 4)]).toEqual(ZIP_SIGNATURE);

  // The same link through the preview's proxy with the session cookie: the response itself, not just the file.
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('spreadsheetml');
  expect([...(await response.body()).subarray(0, 4)]).toEqual(ZIP_SIGNATURE);
});
