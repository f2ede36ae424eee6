import { publicNoticeEnd, shanghaiDate } from '@dg/policy';
import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

test('a notice batch is built from approved applications, published with its GEN-7 end date, and an objection is recorded and resolved', async () => {
  const organiser = await browser.newPage();
  await logIn(organiser, 'city1', DEMO_LOGINS.password);
  await organiser.getByRole('menuitem', { name: '社会公示' }).click();
  await organiser.getByRole('button', { name: '新建公示批次' }).click();
  const dialog = organiser.getByRole('dialog');
  const title = `2025年第一批“算力券”拟资助名单公示（E2E ${Date.now()}）`;
  await dialog.getByPlaceholder(/如：2025年第一批/).fill(title);
  const row = dialog.locator('.ant-table-tbody tr', { hasText: '东莞松湖智能装备有限公司' }).first();
  await row.locator('input[type="checkbox"]').check();
  await dialog.getByRole('button', { name: /创\s*建/ }).click();

  await organiser.getByRole('heading', { name: title }).first().waitFor();
  await organiser.getByTestId('notice-items').getByText('东莞松湖智能装备有限公司').waitFor();
  await organiser.getByRole('button', { name: '发布公示' }).click();
  await organiser.getByText('已发布公示').waitFor();

  // The end date shown is the policy core's 5th working day from today (statutory holidays and make-up days).
  const today = shanghaiDate(new Date());
  await expect
    .poll(() => organiser.getByTestId('notice-ends-on').textContent())
    .toBe(publicNoticeEnd(today).date);
  await browser.shot(organiser, 'notice-published');

  await organiser.getByLabel('被异议申报').click();
  await organiser.locator('.ant-select-item-option', { hasText: '东莞松湖智能装备有限公司' }).click();
  await organiser.getByLabel('异议人').fill('张某（实名）');
  await organiser.getByLabel('异议内容').fill('反映该企业付款发票为抵扣联');
  await organiser.getByRole('button', { name: '登记异议' }).click();
  await organiser.getByText('异议已登记').waitFor();
  await organiser.getByText('待处理').waitFor();
  const url = organiser.url();

  const approver = await browser.newPage();
  await logIn(approver, 'approver1', DEMO_LOGINS.password);
  await approver.goto(url);
  await approver.getByRole('button', { name: /处\s*理/ }).click();
  await approver.getByLabel('处理意见').fill('经核查，企业已补交发票联，异议不成立');
  await approver
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await approver.getByText('异议已处理').waitFor();
  await approver.getByText('异议不成立').first().waitFor();
  await browser.shot(approver, 'notice-objection-resolved');
});
