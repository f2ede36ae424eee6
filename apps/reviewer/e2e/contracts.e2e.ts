import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

test('an R&D application after signing shows its 任务书: number, period, grant and indicators', async () => {
  const page = await browser.newPage();
  await logIn(page, 'city1', DEMO_LOGINS.password);
  await page.getByPlaceholder('单位名称 / 统一社会信用代码 / 受理编号').fill('RD-2025-000015');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.locator('.ant-table-tbody tr', { hasText: '东莞南城数智软件有限公司' }).first().click();
  await page.getByRole('tab', { name: '任务书' }).click();
  const contract = page.getByTestId('contract');
  await contract.getByText(/DGKJ-RD-2025-\d{3}/).waitFor();
  await contract.getByRole('heading', { name: '考核指标' }).waitFor();
  await contract
    .getByText(/¥[\d,]+\.\d{2}/)
    .first()
    .waitFor();
  await browser.shot(page, 'rd-contract');
});
