// Hand-built PDF 1.4 files for the demo documents: one A4 page of Helvetica text with a correct
// cross-reference table, so every viewer (and the "%PDF-" sniffers) accepts them.

/** Helvetica's standard encoding has no Vietnamese letters; the demo PDFs are written without diacritics. */
export const stripDiacritics = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '');

const escapePdfText = (text: string) => text.replace(/([\\()])/g, '\\$1');

const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
};

export interface PdfContent {
  header: string;
  number: string;
  place: string;
  title: string;
  paragraphs: string[];
  signer: string;
}

export const buildPdf = (content: PdfContent): Buffer => {
  type Line = { text: string; size: number; bold?: boolean; x?: number; gap?: number; sameLine?: boolean };
  const lines: Line[] = [
    { text: stripDiacritics(content.header).toUpperCase(), size: 11, bold: true },
    { text: `So: ${stripDiacritics(content.number)}`, size: 11 },
    { text: stripDiacritics(content.place), size: 10, x: 330, sameLine: true },
  ];
  lines.push({ text: '', size: 10 });
  for (const part of wrap(stripDiacritics(content.title).toUpperCase(), 60)) {
    lines.push({ text: part, size: 13, bold: true, x: 90 });
  }
  lines.push({ text: '', size: 10 });
  for (const paragraph of content.paragraphs) {
    for (const part of wrap(stripDiacritics(paragraph), 88)) lines.push({ text: part, size: 11 });
    lines.push({ text: '', size: 6 });
  }
  lines.push({ text: '', size: 10 });
  lines.push({ text: 'NGUOI KY', size: 11, bold: true, x: 360 });
  lines.push({ text: stripDiacritics(content.signer), size: 11, x: 360, gap: 40 });
  lines.push({ text: '', size: 10 });
  lines.push({ text: '(Tai lieu mau, duoc tao tu dong cho ban demo toasoan)', size: 8 });

  const ops: string[] = ['BT'];
  let y = 790;
  for (const line of lines) {
    if (!line.sameLine) y -= (line.gap ?? 0) + line.size + 5;
    if (!line.text) continue;
    ops.push(`/${line.bold ? 'F2' : 'F1'} ${line.size} Tf`);
    ops.push(`1 0 0 1 ${line.x ?? 60} ${y} Tm`);
    ops.push(`(${escapePdfText(line.text)}) Tj`);
  }
  ops.push('ET');
  const stream = ops.join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${escapePdfText(stripDiacritics(content.title))}) /Producer (toasoan demo seed) >>`,
  ];

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};
