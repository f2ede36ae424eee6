import { addDays, formatChineseDate, type IsoDate, isWeekend, yearsWithHolidayData } from '@dg/policy';
import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

// The first year after the holiday data package's (or after the years entered already: in late December,
// review-decisions.e2e.ts enters the year its notice reaches): entering it changes no date the package covers.
const lastPackageYear = Math.max(...yearsWithHolidayData);
/** The year this file enters, read from the page in the first test. */
let year = lastPackageYear + 1;
/** The first day from 4 January (after the illustrative 元旦 period) that passes `test`. */
const firstFrom4Jan = (test: (d: IsoDate) => boolean) => {
  let d = `${year}-01-04`;
  while (!test(d)) d = addDays(d, 1);
  return d;
};
const monthDay = (d: IsoDate) => formatChineseDate(d).replace(/^\d+年/, '');

async function pickDate(field: Locator, date: IsoDate) {
  await field.fill(date);
  await field.press('Enter');
}

async function openHolidays(page: Page) {
  await page.getByRole('menuitem', { name: '节假日安排' }).click();
  await page.locator(`tr[data-row-key="${lastPackageYear}"]`).waitFor();
}

test("an administrator enters the first uncovered year's arrangement, is told what is wrong with a make-up day, and corrects it", async () => {
  const admin = await browser.newPage();
  await logIn(admin, 'admin', DEMO_LOGINS.password);
  await openHolidays(admin);
  await admin.getByText(`内置数据覆盖至 ${lastPackageYear} 年`).waitFor();
  const firstUncovered = (await admin.getByTestId('first-uncovered').textContent())!;
  expect(firstUncovered).toMatch(/^\d{4} 年$/);
  year = Number.parseInt(firstUncovered, 10);
  expect(year).toBeGreaterThan(lastPackageYear);
  const saturday = firstFrom4Jan((d) => isWeekend(d) && !isWeekend(addDays(d, -1)));
  const sunday = addDays(saturday, 1);
  const weekday = firstFrom4Jan((d) => !isWeekend(d));
  const source = `国务院办公厅关于${year}年部分节假日安排的通知（E2E 示例）`;
  await admin
    .locator(`tr[data-row-key="${lastPackageYear}"]`)
    .getByText('内置数据', { exact: true })
    .waitFor();
  await browser.shot(admin, 'holidays-list');

  await admin.getByRole('button', { name: '录入节假日安排' }).click();
  const dialog = admin.getByRole('dialog');
  expect(await dialog.getByLabel('年份').inputValue()).toBe(String(year));
  await dialog.getByLabel('依据通知（名称和文号）').fill(source);
  await dialog.getByRole('combobox', { name: '第 1 个放假时段的节日名称' }).fill('元旦');
  await pickDate(dialog.getByLabel('第 1 个放假时段的开始日期'), `${year}-01-01`);
  await pickDate(dialog.getByLabel('第 1 个放假时段的结束日期'), `${year}-01-03`);
  await dialog.getByRole('button', { name: '添加调休上班日' }).click();
  await dialog.getByRole('combobox', { name: '第 1 个调休上班日的节日名称' }).fill('元旦');
  await pickDate(dialog.getByLabel('第 1 个调休上班日的日期'), saturday);
  await dialog.locator('.ant-modal-title').click(); // closes the pickers' panels for the picture
  await browser.shot(admin, 'holidays-enter');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await admin.getByText(`已保存 ${year} 年节假日安排`).waitFor();
  const row = admin.locator(`tr[data-row-key="${year}"]`);
  await row.getByText('管理员录入').waitFor();
  await row.getByText(source).waitFor();
  await row.getByText(`元旦 1月1日–1月3日`).waitFor();
  await row.getByText(`调休上班：${monthDay(saturday)}（元旦）`).waitFor();
  await row.getByText('系统管理员').waitFor();
  await expect.poll(() => admin.getByTestId('first-uncovered').textContent()).toBe(`${year + 1} 年`);
  await browser.shot(admin, 'holidays-entered');

  // A make-up working day on a weekday is refused, in Chinese, on the field.
  await row.getByRole('button', { name: /修\s*改/ }).click();
  await dialog.getByText(`修改 ${year} 年节假日安排`).waitFor();
  expect(await dialog.getByLabel('依据通知（名称和文号）').inputValue()).toBe(source);
  await pickDate(dialog.getByLabel('第 1 个调休上班日的日期'), weekday);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByText('调休上班日须为周六或周日（工作日本来就上班）').waitFor();
  await browser.shot(admin, 'holidays-invalid');

  await pickDate(dialog.getByLabel('第 1 个调休上班日的日期'), sunday);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await row.getByText(`调休上班：${monthDay(sunday)}（元旦）`).waitFor();
  await dialog.waitFor({ state: 'hidden' });
});

test('a city reviewer sees the covered years but cannot enter or correct one', async () => {
  const reviewer = await browser.newPage();
  await logIn(reviewer, 'city1', DEMO_LOGINS.password);
  await openHolidays(reviewer);
  await reviewer.getByText(`内置数据覆盖至 ${lastPackageYear} 年`).waitFor();
  await reviewer.locator(`tr[data-row-key="${year}"]`).getByText('管理员录入').waitFor();
  expect(await reviewer.getByRole('button', { name: '录入节假日安排' }).count()).toBe(0);
  expect(await reviewer.getByRole('button', { name: /修\s*改/ }).count()).toBe(0);
  await browser.shot(reviewer, 'holidays-city-reviewer');
});
