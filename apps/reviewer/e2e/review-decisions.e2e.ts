import {
  calendarWith,
  type HolidayArrangement,
  type HolidayCalendar,
  type IsoDate,
  MissingHolidayDataError,
  publicNoticeEnd,
  shanghaiDate,
} from '@dg/policy';
import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, inject, test } from 'vitest';
import { confirmDecision, openFromQueue } from './queue';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

/**
 * GEN-7's calendar as the API counts a notice published today: the package's years and those entered. In the last
 * days of the package's last year the notice reaches the next one; then an administrator enters it first, as they
 * would in production (an illustrative 元旦 here, unless holidays.e2e.ts entered that year already).
 */
async function calendarForNoticeFrom(today: IsoDate): Promise<HolidayCalendar> {
  const apiUrl = inject('apiUrl');
  const login = await fetch(`${apiUrl}/trpc/auth.staffLogin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_LOGINS.password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const trpc = async <T>(path: string, body?: unknown): Promise<T> => {
    const reply = await fetch(`${apiUrl}/trpc/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return ((await reply.json()) as { result: { data: T } }).result.data;
  };
  const years = await trpc<{ arrangement: HolidayArrangement | null }[]>('calendar.holidayYears');
  const entered = years.flatMap((y) => (y.arrangement ? [y.arrangement] : []));
  try {
    publicNoticeEnd(today, calendarWith(entered));
    return calendarWith(entered);
  } catch (error) {
    if (!(error instanceof MissingHolidayDataError)) throw error;
    const arrangement: HolidayArrangement = {
      year: error.year,
      source: `国务院办公厅关于${error.year}年部分节假日安排的通知（E2E 示例）`,
      holidays: [{ name: '元旦', from: `${error.year}-01-01`, to: `${error.year}-01-03` }],
      makeUpWorkdays: [],
    };
    await trpc('calendar.saveHolidayArrangement', { arrangement });
    return calendarWith([...entered, arrangement]);
  }
}

test('a formal reviewer returns an application with reasons per material; a colleague deciding on the stale version gets a conflict', async () => {
  const reviewer = await browser.newPage();
  await logIn(reviewer, 'city1', DEMO_LOGINS.password);
  await openFromQueue(reviewer, '东莞长安精密模具有限公司', '形式审查');
  await reviewer.getByTestId('verdict').getByText('核验意见').waitFor();
  await reviewer
    .getByTestId('verdict')
    .getByText(/¥[\d,]+\.\d{2}/)
    .first()
    .waitFor();
  await browser.shot(reviewer, 'review-detail-verdict');

  const colleague = await browser.newPage();
  await logIn(colleague, 'city2', DEMO_LOGINS.password);
  await colleague.goto(reviewer.url());
  await colleague.getByTestId('decisions').getByRole('button', { name: '形式审查通过' }).waitFor();

  await reviewer.getByTestId('decisions').getByRole('button', { name: '退回补正' }).click();
  const dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('退回原因：申报表填报内容').fill('合同总额与付款明细合计不一致，请核对');
  await dialog.getByRole('textbox', { name: /退回原因：（6）/ }).fill('缺少银行付款回单');
  await browser.shot(reviewer, 'review-return-dialog');
  await dialog.getByRole('button', { name: '确认退回补正' }).click();
  await reviewer.getByText('已退回补正').waitFor();
  await reviewer.getByText('本轮退回补正原因').waitFor();
  await reviewer.getByText('缺少银行付款回单').first().waitFor();

  await confirmDecision(colleague, '形式审查通过');
  await colleague.locator('[data-error-code="CONFLICT"]').waitFor();
  await browser.shot(colleague, 'review-conflict');
  await colleague.getByRole('button', { name: /刷\s*新/ }).click();
  await colleague.getByText('本轮退回补正原因').waitFor();
  await colleague.getByRole('tab', { name: '办理记录' }).click();
  const history = colleague.getByTestId('history');
  await history.getByText('被拒绝').first().waitFor();
  expect(await history.getByText('退回补正').count()).toBeGreaterThan(0);
  await browser.shot(colleague, 'review-history');
});

test("a town reviewer passes an application of their own town and is refused another town's", async () => {
  const city = await browser.newPage();
  await logIn(city, 'city1', DEMO_LOGINS.password);
  await city.getByRole('menuitem', { name: '待办审核' }).click();
  await city.locator('.ant-table-tbody tr', { hasText: '东莞长安精密模具有限公司' }).first().click();
  await city.getByTestId('decisions').waitFor();
  const otherTown = city.url();

  const town = await browser.newPage();
  await logIn(town, 'town-songshanhu', DEMO_LOGINS.password);
  await openFromQueue(town, '东莞松湖智能装备有限公司', '镇街复核');
  await confirmDecision(town, '镇街复核通过');
  await town.getByText('已镇街复核通过').waitFor();
  await town.getByText('当前环节无需您办理').waitFor();

  await town.goto(otherTown);
  await town.getByText('申报不存在或无权查看').waitFor();
  await browser.shot(town, 'town-refused-other-town');
});

test('an expert declares a conflict of interest, no longer sees that enterprise, then scores and recognises an amount', async () => {
  const expert = await browser.newPage();
  await logIn(expert, 'expert1', DEMO_LOGINS.password);
  await expert.getByRole('menuitem', { name: '待办审核' }).click();
  await expert.locator('.ant-table-tbody tr', { hasText: '东莞松湖智能装备有限公司' }).first().waitFor();

  await expert.getByRole('menuitem', { name: '利益冲突声明' }).click();
  await expert.getByLabel('单位统一社会信用代码').fill('91441900MA4UJ8XX5J');
  await expert.getByLabel('关联情况').fill('本人曾任该公司技术顾问（2024 年）');
  await expert.getByRole('button', { name: '提交声明' }).click();
  await expert.getByText('已声明与“东莞松湖智能装备有限公司”存在利益关联').waitFor();
  await browser.shot(expert, 'expert-conflicts');

  await expert.getByRole('menuitem', { name: '待办审核' }).click();
  await expert.locator('.ant-table-tbody tr', { hasText: '东莞长安精密模具有限公司' }).first().waitFor();
  // The cached queue shows first and is refetched at once (the declaration invalidated it).
  await expect
    .poll(() => expert.locator('.ant-table-tbody tr', { hasText: '东莞松湖智能装备有限公司' }).count())
    .toBe(0);

  await openFromQueue(expert, '东莞长安精密模具有限公司', '最终审查');
  const card = expert.getByTestId('expert-score');
  await card.getByLabel('合规性').fill('25');
  await card.getByLabel('可行性').fill('30');
  await card.getByLabel('创新性').fill('28');
  await card.getByText('83').waitFor();
  await card.getByRole('button', { name: '提交评分' }).click();
  await expert.getByText('评分已保存，总分 83').waitFor();

  await expert.getByTestId('decisions').getByRole('button', { name: '审核通过并核定金额' }).click();
  const dialog = expert.getByRole('dialog');
  const amount = dialog.getByLabel(/核定资助金额/);
  expect(await amount.inputValue()).toMatch(/^\d+\.\d{2}$/);
  await browser.shot(expert, 'expert-recognise-amount');
  await dialog.getByRole('button', { name: '确认审核通过并核定金额' }).click();
  await expert.getByText('已审核通过并核定金额').waitFor();
  await expert.getByRole('tab', { name: '评审与考察' }).click();
  await expert.getByText('83').first().waitFor();
  await browser.shot(expert, 'expert-scored');
});

test('the approved application is put on a notice batch, published with its GEN-7 end date, and an objection is recorded and resolved', async () => {
  const organiser = await browser.newPage();
  await logIn(organiser, 'city1', DEMO_LOGINS.password);
  await organiser.getByRole('menuitem', { name: '社会公示' }).click();
  await organiser.getByRole('button', { name: '新建公示批次' }).click();
  const dialog = organiser.getByRole('dialog');
  const title = `2025年第一批“算力券”拟资助名单公示（E2E ${Date.now()}）`;
  await dialog.getByPlaceholder(/如：2025年第一批/).fill(title);
  const row = dialog.locator('.ant-table-tbody tr', { hasText: '东莞长安精密模具有限公司' }).first();
  await row.locator('input[type="checkbox"]').check();
  await dialog.getByRole('button', { name: /创\s*建/ }).click();

  await organiser.getByRole('heading', { name: title }).first().waitFor();
  await organiser.getByTestId('notice-items').getByText('东莞长安精密模具有限公司').waitFor();
  const today = shanghaiDate(new Date());
  const holidays = await calendarForNoticeFrom(today);
  await organiser.getByRole('button', { name: '发布公示' }).click();
  await organiser.getByText('已发布公示').waitFor();

  // The end date shown is the policy core's 5th working day from today (statutory holidays and make-up days).
  await expect
    .poll(() => organiser.getByTestId('notice-ends-on').textContent())
    .toBe(publicNoticeEnd(today, holidays).date);
  await browser.shot(organiser, 'notice-published');

  await organiser.getByLabel('被异议申报').click();
  await organiser.locator('.ant-select-item-option', { hasText: '东莞长安精密模具有限公司' }).click();
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

/** A 2×2 PNG, enough for the API's content sniffing. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYGD4z8DAwMDAwMDAAAANAAH/3MeCkgAAAABJRU5ErkJggg==',
  'base64',
);

test('an expert records a site inspection with a photo, and the record shows it', async () => {
  const expert = await browser.newPage();
  await logIn(expert, 'expert2', DEMO_LOGINS.password);
  await openFromQueue(expert, '东莞长安精密模具有限公司', '现场考察');
  await expert.getByLabel('考察情况').fill('产线 3 个工位已部署边缘计算盒，模型运行正常，与申报一致。');
  await expert
    .locator('input[type="file"]')
    .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
  await expert.locator('.ant-upload-list-item-done').waitFor();
  await expert.getByRole('button', { name: '保存考察记录' }).click();
  await expert.getByText('现场考察记录已保存').waitFor();
  await expert.getByRole('tab', { name: '评审与考察' }).click();
  await expert.getByText('产线 3 个工位已部署边缘计算盒').waitFor();
  const photo = expert.locator('img[alt="现场照片"]').first();
  await photo.waitFor();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await browser.shot(expert, 'expert-site-inspection');
});
