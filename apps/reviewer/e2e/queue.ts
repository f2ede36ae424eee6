import type { Page } from 'playwright-core';

/** Finds an application in the caller's work queue by enterprise and stage, and opens its detail page. */
export async function openFromQueue(page: Page, enterprise: string, stage: string): Promise<void> {
  await page.getByRole('menuitem', { name: '待办审核' }).click();
  await page.getByPlaceholder('单位名称 / 统一社会信用代码 / 受理编号').fill(enterprise);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.locator('.ant-table-tbody tr', { hasText: enterprise }).filter({ hasText: stage }).first();
  await row.click();
  await page.getByTestId('decisions').waitFor();
}

export async function confirmDecision(page: Page, label: string): Promise<void> {
  await page.getByTestId('decisions').getByRole('button', { name: label }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `确认${label}` })
    .click();
}
