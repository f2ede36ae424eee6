import { dongguanRegionByCode, OP2 } from '@dg/policy';
import ExcelJS from 'exceljs';
import type { Op2Report } from './op2';

const townName = (code: string) => dongguanRegionByCode(code)?.name ?? code;

/** The OP-2 report as a workbook: a summary sheet, connected enterprises, and counts by town. */
export async function op2Workbook(report: Op2Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '边端智算网络平台';
  book.created = new Date(report.generatedAt);

  const summary = book.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'k', width: 24 },
    { header: '数值', key: 'v', width: 40 },
  ];
  summary.addRows([
    { k: '依据', v: `${OP2.id} ${OP2.title}（${OP2.article}）` },
    { k: '统计期间', v: `${report.period.from} 至 ${report.period.to}` },
    { k: '接入企业数', v: report.enterprises },
    { k: '接入节点数', v: report.nodes },
    { k: '口径', v: '期间内已批准接入且发送过心跳的节点及其企业，各计一次' },
    { k: '生成时间', v: report.generatedAt },
  ]);

  const enterprises = book.addWorksheet('接入企业');
  enterprises.columns = [
    { header: '企业名称', key: 'name', width: 36 },
    { header: '统一社会信用代码', key: 'uscc', width: 24 },
    { header: '镇街（园区）', key: 'town', width: 16 },
    { header: '接入节点数', key: 'nodes', width: 12 },
  ];
  for (const e of report.byEnterprise)
    enterprises.addRow({ name: e.enterpriseName, uscc: e.uscc, town: townName(e.townCode), nodes: e.nodes });

  const towns = book.addWorksheet('按镇街');
  towns.columns = [
    { header: '镇街（园区）', key: 'town', width: 16 },
    { header: '接入企业数', key: 'enterprises', width: 12 },
    { header: '接入节点数', key: 'nodes', width: 12 },
  ];
  for (const t of report.byTown)
    towns.addRow({ town: townName(t.townCode), enterprises: t.enterprises, nodes: t.nodes });

  for (const sheet of [summary, enterprises, towns]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
