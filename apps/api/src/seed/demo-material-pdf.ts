// The demo city's uploaded materials need real bytes: a reviewer opens them and the bundle export merges them. Each
// is a one-page PDF written out by hand, because it has to be cheap (the demo is seeded at every test server's
// start): its Chinese lines use STSong-Light, one of the CJK fonts the PDF standard predefines, so nothing is
// embedded and viewers draw it with their own Song/Noto CJK face. Text is UTF-16BE through the UniGB-UCS2-H CMap.

const utf16Hex = (text: string) =>
  [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      // UCS-2: characters outside the Basic Multilingual Plane have no code here.
      return (code > 0xffff ? 0x3000 : code).toString(16).padStart(4, '0');
    })
    .join('');

/** An A4 page: `title` large at the top, then `lines` below it. */
export function demoMaterialPdf(title: string, lines: readonly string[]): Uint8Array {
  const text = [
    `BT /F1 20 Tf 72 760 Td <${utf16Hex(title)}> Tj ET`,
    ...lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 22} Td <${utf16Hex(line)}> Tj ET`),
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  // Everything above is ASCII, so string lengths are byte offsets.
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
