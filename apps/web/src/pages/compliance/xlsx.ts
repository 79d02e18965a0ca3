/**
 * Any table of the dashboards to .xlsx, in the browser: the file holds exactly what the table
 * shows (its Chinese headers, its filter and order), needs no second query of the server, and
 * exceljs is loaded only when someone exports, so the pages themselves stay light.
 */
export type CellValue = string | number | null;

export interface XlsxTable {
  fileName: string;
  sheet: string;
  header: string[];
  rows: CellValue[][];
}

export async function downloadXlsx({ fileName, sheet, header, rows }: XlsxTable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.slice(0, 31)); // Excel's limit on sheet names
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  header.forEach((h, i) => {
    const widest = Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length));
    // CJK characters take about two columns of width
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest * 2 + 2));
  });
  const data = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
