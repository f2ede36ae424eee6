import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

test('a town reviewer sees only the enterprises of their own town', async () => {
  const page = await browser.newPage();
  await logIn(page, 'town-songshanhu', DEMO_LOGINS.password);
  await page.getByRole('menuitem', { name: '申报单位' }).click();
  await page.getByPlaceholder('单位名称或统一社会信用代码').waitFor();
  await page.getByRole('cell', { name: '东莞松湖智能装备有限公司' }).waitFor();
  const towns = await page.locator('.ant-table-tbody tr td:nth-child(4)').allTextContents();
  expect(towns.length).toBeGreaterThan(0);
  expect(new Set(towns)).toEqual(new Set(['松山湖高新区']));
  await browser.shot(page, 'enterprises-town');
});

test('a city reviewer records a credit check and a stale second tab is refused with a conflict', async () => {
  const first = await browser.newPage();
  await logIn(first, 'city1', DEMO_LOGINS.password);
  await first.getByRole('menuitem', { name: '申报单位' }).click();
  await first.getByPlaceholder('单位名称或统一社会信用代码').waitFor();
  await first.getByRole('cell', { name: '东莞长安精密模具有限公司' }).click();
  await first.getByText('信用核查（GEN-2）').waitFor();
  const url = first.url();

  const second = await browser.newPage();
  await logIn(second, 'city2', DEMO_LOGINS.password);
  await second.goto(url);
  await second.getByText('信用核查（GEN-2）').waitFor();

  await first.getByRole('button', { name: '记录核查结果' }).click();
  await first.getByText('信用核查结果已记录').waitFor();
  await first
    .getByText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    .first()
    .waitFor();

  await second.getByLabel('列入经营异常名录').check();
  await second.getByRole('button', { name: '记录核查结果' }).click();
  await second.locator('[data-error-code="CONFLICT"]').waitFor();
  await browser.shot(second, 'enterprise-credit-conflict');
});
