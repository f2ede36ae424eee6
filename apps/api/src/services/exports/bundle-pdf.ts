import fontkit from '@pdf-lib/fontkit';
import {
  formatChineseDate,
  materialChecklists,
  type ProgramId,
  programLabels,
  shanghaiDate,
} from '@dg/policy';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ApplicationForm } from '../../schemas/applications';
import { cjkFont } from './font';
import { type FormSection, formSections, projectNameOf } from './form-sections';

// An application's printable bundle as ONE PDF: a cover page (申报单位, 项目名称, 联系人, 联系电话, 电子邮箱, 编制时间),
// the form as 附件1 lays it out, then each checklist item in its order (CV-14 for the compute voucher) with the
// uploaded PDFs' pages and images appended behind its heading. Chinese is set in embedded, subset Noto Sans SC.

export interface BundleFile {
  itemKey: string;
  mime: string;
  name: string;
  bytes: Uint8Array;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.1);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Splits text into lines no wider than `width` (CJK text breaks between any two characters). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (char === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (font.widthOfTextAtSize(line + char, size) > width && line) {
      lines.push(line);
      line = char;
    } else line += char;
  }
  lines.push(line);
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {}
  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  text(
    text: string,
    options: { size?: number; bold?: boolean; x?: number; width?: number; center?: boolean } = {},
  ) {
    const size = options.size ?? 11;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = options.x ?? MARGIN;
    const width = options.width ?? A4[0] - MARGIN - x;
    for (const line of wrap(text, font, size, width)) {
      if (this.y < MARGIN + size) this.newPage();
      const lineX = options.center ? (A4[0] - font.widthOfTextAtSize(line, size)) / 2 : x;
      this.page.drawText(line, { x: lineX, y: this.y - size, size, font, color: INK });
      this.y -= size * 1.6;
    }
  }
  gap(points: number) {
    this.y -= points;
  }
}

function cover(w: Writer, programId: ProgramId, form: ApplicationForm, preparedOn: Date) {
  w.newPage();
  w.gap(120);
  w.text(`东莞市${programLabels[programId]}`, { size: 22, bold: true, center: true });
  w.gap(10);
  w.text('项目申报书', { size: 22, bold: true, center: true });
  w.gap(120);
  const a = form.applicant;
  const rows: [string, string][] = [
    ['申报单位', a.enterpriseName],
    ['项目名称', projectNameOf(form)],
    ['联系人', a.contact.name],
    ['联系电话', a.contact.mobile],
    ['电子邮箱', a.contact.email],
    ['编制时间', formatChineseDate(shanghaiDate(preparedOn))],
  ];
  for (const [label, value] of rows) {
    const y = w.y;
    w.text(`${label}：`, { size: 14, bold: true, x: 120 });
    w.y = y;
    w.text(value, { size: 14, x: 210 });
    w.gap(8);
  }
}

function formPages(w: Writer, sections: FormSection[]) {
  w.newPage();
  w.text('项目申报表', { size: 18, bold: true, center: true });
  w.gap(12);
  for (const section of sections) {
    w.text(section.title, { size: 13, bold: true });
    w.gap(4);
    for (const [label, value] of section.rows) {
      const top = w.y;
      w.text(label, { bold: true, width: 130 });
      const labelBottom = w.y;
      w.y = top;
      w.text(value || '—', { x: MARGIN + 140 });
      w.y = Math.min(w.y, labelBottom);
      w.page.drawLine({
        start: { x: MARGIN, y: w.y + 6 },
        end: { x: A4[0] - MARGIN, y: w.y + 6 },
        thickness: 0.3,
        color: rgb(0.7, 0.7, 0.7),
      });
    }
    w.gap(10);
  }
}

async function appendFile(doc: PDFDocument, w: Writer, file: BundleFile) {
  if (file.mime === 'application/pdf') {
    const source = await PDFDocument.load(file.bytes, { ignoreEncryption: true });
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
    return;
  }
  const image =
    file.mime === 'image/png'
      ? await doc.embedPng(file.bytes)
      : file.mime === 'image/jpeg'
        ? await doc.embedJpg(file.bytes)
        : null;
  if (!image) {
    w.text(`（${file.name}：该格式无法装订，请查看原件）`);
    return;
  }
  const page = doc.addPage(A4);
  const scale = Math.min((A4[0] - 2 * MARGIN) / image.width, (A4[1] - 2 * MARGIN) / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (A4[0] - width) / 2, y: A4[1] - MARGIN - height, width, height });
}

export async function applicationBundle(input: {
  programId: ProgramId;
  form: ApplicationForm;
  files: BundleFile[];
  preparedOn: Date;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${projectNameOf(input.form)} 申报材料`);
  doc.setCreator('东莞市人工智能+制造政策服务平台');
  const fonts = {
    regular: await doc.embedFont(await cjkFont('regular'), { subset: true }),
    bold: await doc.embedFont(await cjkFont('bold'), { subset: true }),
  };
  const w = new Writer(doc, fonts);
  cover(w, input.programId, input.form, input.preparedOn);
  formPages(w, formSections(input.form));
  // Item 1 of every checklist is the form itself: its uploaded (signed, stamped) copy follows the typeset one; the
  // other items follow in their order, each behind a heading page.
  for (const item of materialChecklists[input.programId]) {
    const files = input.files.filter((f) => f.itemKey === item.key);
    if (!files.length) continue;
    if (item.order === 1) {
      for (const file of files) await appendFile(doc, w, file);
      continue;
    }
    w.newPage();
    w.text(`（${item.order}）${item.title}`, { size: 16, bold: true });
    if (item.parts.length) w.text(item.parts.join('；'), { size: 10 });
    for (const file of files) await appendFile(doc, w, file);
  }
  return doc.save();
}
