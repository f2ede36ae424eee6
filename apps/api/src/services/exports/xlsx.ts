import { dongguanRegionByCode, formatYuan, programLabels } from '@dg/policy';
import ExcelJS from 'exceljs';
import type { NoticeList } from '../notices/batches';
import type { FundingPlanDetail } from '../funding/plans';

// The two lists the bureau prints and files as spreadsheets. Amounts are shown as ¥1,234.00 text: fen are never
// turned into floating-point yuan.

interface Column {
  header: string;
  width: number;
}

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Column[],
  rows: (string | number)[][],
) {
  const ws = workbook.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return ws;
}

const town = (code: string) => dongguanRegionByCode(code as never)?.name ?? code;

export async function noticeWorkbook(notice: NoticeList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '东莞市人工智能+制造政策服务平台';
  const period = notice.startsOn ? `（公示期：${notice.startsOn} 至 ${notice.endsOn}）` : '';
  sheet(
    workbook,
    '公示名单',
    `${notice.title}${period}`,
    [
      { header: '序号', width: 6 },
      { header: '受理编号', width: 20 },
      { header: '申报单位', width: 34 },
      { header: '所属镇街（园区）', width: 16 },
      { header: '项目类别', width: 22 },
      { header: '项目名称', width: 40 },
      { header: '拟资助金额', width: 18 },
    ],
    notice.items
      .filter((i) => i.outcome !== 'withdrawn')
      .map((i, index) => [
        index + 1,
        i.trackingNumber ?? '',
        i.enterpriseName,
        town(i.townCode),
        programLabels[notice.programId],
        i.projectName,
        formatYuan(i.amountFen),
      ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function fundingPlanWorkbook(plan: FundingPlanDetail): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '东莞市人工智能+制造政策服务平台';
  const ws = sheet(
    workbook,
    '资助计划',
    `${plan.title}（${programLabels[plan.programId]}）`,
    [
      { header: '序号', width: 6 },
      { header: '受理编号', width: 20 },
      { header: '申报单位', width: 34 },
      { header: '统一社会信用代码', width: 22 },
      { header: '所属镇街（园区）', width: 16 },
      { header: '项目名称', width: 36 },
      { header: '核定金额', width: 18 },
      { header: '安排资助金额', width: 18 },
      { header: '核减金额', width: 16 },
    ],
    plan.items.map((i) => [
      i.seq,
      i.trackingNumber ?? '',
      i.enterpriseName,
      i.uscc,
      town(i.townCode),
      i.projectName,
      formatYuan(i.requestedFen),
      i.grantedFen === null ? '待审定' : formatYuan(i.grantedFen),
      i.cutFen === null ? '' : formatYuan(i.cutFen),
    ]),
  );
  const total = plan.items.reduce((sum, i) => sum + (i.grantedFen ?? 0), 0);
  const totalRow = ws.addRow(['合计', '', '', '', '', '', '', formatYuan(total), '']);
  totalRow.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
