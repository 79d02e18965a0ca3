import ExcelJS from 'exceljs';

const FONT = { name: '宋体', size: 11 };
const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A sheet laid out as a printed form: a title merged over the columns, lines of text above and
 * below the table, a bordered table with wrapped text, A4 print setup.
 */
export async function formSheet(spec: {
  sheet: string;
  title: string;
  widths: number[];
  above: string[][];
  header: string[];
  rows: string[][];
  below: string[];
  landscape?: boolean;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheet, {
    pageSetup: {
      paperSize: 9,
      orientation: spec.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const n = spec.widths.length;
  ws.columns = spec.widths.map((width) => ({ width }));
  const merged = (rowNo: number, text: string, from = 1, to = n) => {
    ws.mergeCells(rowNo, from, rowNo, to);
    ws.getCell(rowNo, from).value = text;
    return ws.getCell(rowNo, from);
  };
  const t = merged(1, spec.title);
  t.font = { ...FONT, size: 18, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  let r = 2;
  for (const line of spec.above) {
    // a line of the form's head: left part over the first half, right part over the rest
    const [left = '', right = ''] = line;
    const half = Math.max(1, Math.floor(n / 2));
    merged(r, left, 1, half).font = FONT;
    const c = merged(r, right, half + 1, n);
    c.font = FONT;
    c.alignment = { horizontal: 'right' };
    r += 1;
  }
  const headerRow = ws.getRow(r);
  spec.header.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BOX;
  });
  headerRow.height = 32;
  ws.pageSetup.printTitlesRow = `${r}:${r}`;
  for (const row of spec.rows) {
    r += 1;
    const lines = Math.max(1, ...row.map((v) => v.split('\n').length));
    const xr = ws.getRow(r);
    row.forEach((v, i) => {
      const c = xr.getCell(i + 1);
      c.value = v;
      c.font = FONT;
      c.alignment = { vertical: 'middle', wrapText: true };
      c.border = BOX;
    });
    xr.height = Math.max(24, lines * 16);
  }
  for (const line of spec.below) {
    r += 1;
    const c = merged(r, line);
    c.font = { ...FONT, size: 10 };
    c.alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
