import { dialects } from '@dg/db/testing';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClockedApi, publishedNotice, startClockedApi } from './after-review-fixtures';

// The exports opened and read back: the notice list and the funding plan as .xlsx parsed with exceljs, and an
// application's bundle as one PDF whose pages are counted and whose Chinese text is extracted with pdf.js.

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The CMaps let pdf.js read text set in a predefined CJK font (the demo materials' STSong-Light).
  const cMapUrl = new URL('../node_modules/pdfjs-dist/cmaps/', import.meta.url).pathname;
  const pdf = await pdfjs.getDocument({ data: bytes, verbosity: 0, cMapUrl, cMapPacked: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages;
}

async function workbookRows(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { name: sheet.name, rows };
}

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2])
    doc.addPage().drawText(`UPLOADED CONTRACT PAGE ${n}`, { x: 50, y: 700, size: 18, font });
  return doc.save();
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(dialects)('exports on %s', (dialect) => {
  let api: ClockedApi;

  beforeAll(async () => {
    api = await startClockedApi(dialect, '2025-09-26T10:00:00+08:00');
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  async function get(path: string, headers: Record<string, string>) {
    return fetch(`${api.server.url}${path}`, { headers });
  }

  it('exports the notice list and the funding plan as .xlsx, to government roles only', async () => {
    const city = await api.staff('city2');
    const approver = await api.staff('approver1');
    const admin = await api.staff('admin');
    const id = await api.rdApplicationInNotice('changan-molds');
    const published = await publishedNotice(city, 'vertical-model-rd', [id], '2025-09-29', '拟立项项目公示');
    const cookie = await loginCookie('city2');
    const response = await get(`/exports/notices/${published.id}.xlsx`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const notice = await workbookRows(await response.arrayBuffer());
    expect(notice.name).toBe('公示名单');
    expect(notice.rows[0]![0]).toBe('拟立项项目公示（公示期：2025-09-29 至 2025-10-11）');
    expect(notice.rows[1]).toEqual([
      '序号',
      '受理编号',
      '申报单位',
      '所属镇街（园区）',
      '项目类别',
      '项目名称',
      '拟资助金额',
    ]);
    expect(notice.rows[2]!.slice(2)).toEqual([
      '东莞长安精密模具有限公司',
      '长安镇',
      '垂直领域模型研发项目',
      expect.stringContaining('垂直领域大模型'),
      '¥1,000,000.00',
    ]);
    const { token } = await ownerToken();
    expect(
      (await get(`/exports/notices/${published.id}.xlsx`, { authorization: `Bearer ${token}` })).status,
    ).toBe(403);
    expect((await get(`/exports/notices/${published.id}.xlsx`, {})).status).toBe(401);

    // The funding plan: approved on a budget of ¥600,000.00, the project is cut and the sheet says so.
    api.setNow('2025-10-13T10:00:00+08:00');
    await city.notices.close.mutate({ id: published.id, version: published.version });
    await city.opinions.record.mutate({
      applicationId: id,
      kind: 'department',
      unitName: '市科技局',
      agrees: true,
      content: '同意',
    });
    await city.opinions.record.mutate({
      applicationId: id,
      kind: 'town',
      unitName: '长安镇',
      agrees: true,
      content: '同意',
    });
    await city.opinions.conclude.mutate({ applicationId: id, version: (await api.application(id)).version });
    const editionId = (await api.application(id)).edition_id;
    const edition = await admin.budgets.get.query({ id: editionId });
    // ¥600,000.00 left for this plan, whatever the demo seed's plans already drew.
    await admin.budgets.update.mutate({
      editionId,
      version: edition.version,
      budgetFen: edition.grantedFen + 60_000_000,
    });
    const plan = await city.fundingPlans.create.mutate({
      editionId,
      title: '2025年第一批资助计划',
      applicationIds: [id],
    });
    const submitted = await city.fundingPlans.submit.mutate({ id: plan.id, version: plan.version });
    await approver.fundingPlans.approve.mutate({
      id: plan.id,
      version: submitted.version,
      decisionReference: '东府〔2025〕9号',
    });
    const planSheet = await workbookRows(
      await (await get(`/exports/funding-plans/${plan.id}.xlsx`, { cookie })).arrayBuffer(),
    );
    expect(planSheet.name).toBe('资助计划');
    expect(planSheet.rows[2]!.slice(6)).toEqual(['¥1,000,000.00', '¥600,000.00', '¥400,000.00']);
    expect(planSheet.rows[3]).toEqual(['合计', '', '', '', '', '', '', '¥600,000.00', '']);
  });

  it('prints an application as one PDF: cover, 附件1 form, then the materials in checklist order', async () => {
    api.setNow('2025-10-15T10:00:00+08:00');
    const id = await api.rdApplicationInNotice('changan-molds');
    const { token, userId } = await ownerToken();
    async function upload(bytes: Uint8Array, name: string) {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const response = await fetch(`${api.server.url}/files`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }
    // Added out of order: the bundle follows the checklist, not the upload order.
    const photo = await upload(PNG, '现场照片.png');
    const contract = await upload(await twoPagePdf(), '合同.pdf');
    await api.db
      .insertInto('application_materials')
      .values([
        { application_id: id, item_key: 'rd-05', file_id: photo, added_by: userId },
        { application_id: id, item_key: 'rd-02', file_id: contract, added_by: userId },
      ])
      .execute();

    const response = await get(`/exports/applications/${id}/bundle.pdf`, {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const cover = pages[0]!;
    for (const text of [
      '项目申报书',
      '申报单位',
      '东莞长安精密模具有限公司',
      '项目名称',
      '联系人',
      '陈经理',
      '联系电话',
      '电子邮箱',
      '编制时间',
      '2025年10月15日',
    ])
      expect(cover).toContain(text);
    expect(pages[1]).toContain('项目申报表');
    expect(pages[1]).toContain('一、企业基本情况');
    expect(pages[1]).toContain('统一社会信用代码');
    const second = pages.findIndex((p) => p.startsWith('（2）'));
    const fifth = pages.findIndex((p) => p.startsWith('（5）'));
    expect(second).toBeGreaterThan(1);
    expect(pages[second + 1]).toContain('UPLOADED CONTRACT PAGE 1');
    expect(pages[second + 2]).toContain('UPLOADED CONTRACT PAGE 2');
    expect(fifth).toBe(second + 3);
    expect(pages).toHaveLength(fifth + 2); // the photo's page ends the bundle

    // Another enterprise's staff and anonymous callers get nothing.
    const { token: liToken } = await tokenOf('li');
    expect(
      (await get(`/exports/applications/${id}/bundle.pdf`, { authorization: `Bearer ${liToken}` })).status,
    ).toBe(404);
    expect((await get(`/exports/applications/${id}/bundle.pdf`, {})).status).toBe(401);
  });

  it('opens the demo city’s seeded materials as PDFs naming their items, and bundles them', async () => {
    const seeded = await api.db
      .selectFrom('application_materials as m')
      .innerJoin('applications as a', 'a.id', 'm.application_id')
      .innerJoin('files as f', 'f.id', 'm.file_id')
      .select(['a.id as applicationId', 'f.id as fileId', 'f.original_name as name'])
      .where('a.state', '=', 'formal_review')
      .orderBy('a.tracking_number')
      .orderBy('f.original_name')
      .execute();
    expect(seeded.length).toBeGreaterThan(1);
    const { applicationId, fileId, name } = seeded[0]!;
    const title = name.replace(/^\d+-/, '').replace(/\.pdf$/, '');
    const cookie = { cookie: await loginCookie('city1') };

    const file = await get(`/files/${fileId}`, cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const [page] = await pdfText(new Uint8Array(await file.arrayBuffer()));
    expect(page).toContain(title);

    const bundle = await get(`/exports/applications/${applicationId}/bundle.pdf`, cookie);
    expect(bundle.status).toBe(200);
    const pages = await pdfText(new Uint8Array(await bundle.arrayBuffer()));
    const own = seeded.filter((m) => m.applicationId === applicationId);
    for (const material of own)
      expect(pages.join('\n')).toContain(material.name.replace(/^\d+-/, '').replace(/\.pdf$/, ''));
  });

  async function loginCookie(login: string) {
    const response = await fetch(`${api.server.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'dg-demo-2026' }),
    });
    return response.headers.get('set-cookie')!.split(';')[0]!;
  }
  async function tokenOf(code: string) {
    const response = await fetch(`${api.server.url}/trpc/auth.wechatLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await response.json()) as { result: { data: { token: string } } };
    const user = await api.db
      .selectFrom('users')
      .select('id')
      .where('wechat_openid', '=', `dev:${code}`)
      .executeTakeFirstOrThrow();
    return { token: body.result.data.token, userId: user.id };
  }
  const ownerToken = () => tokenOf('chen');
});
