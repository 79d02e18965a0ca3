import ExcelJS from 'exceljs';
import { unstorable, withoutUnstorable } from '../../platform/http.ts';

/** One column of an import template: its header, whether it is required, and how a cell is read. */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  /** other headers naming the same field, as another system's export spells them */
  aliases?: string[];
  required?: boolean;
  /** shown under the header row in the template */
  hint?: string;
  /** a drop-down list of allowed values in the template */
  choices?: string[];
  width?: number;
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export type RawRow<K extends string> = { row: number; values: Partial<Record<K, string>> };

const HEADER_ROW = 1;
const HINT_ROW = 2;
const FIRST_DATA_ROW = 2;
const MAX_ROWS = 5000;

/** A template like the ones 智慧团建 users download: headers, hints, drop-downs, a notes sheet. */
export async function buildTemplate(title: string, columns: Column[], notes: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: HINT_ROW }] });
  ws.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width ?? 16,
  }));
  ws.addRow(columns.map((c) => c.hint ?? ''));
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.getRow(HINT_ROW).font = { italic: true, color: { argb: 'FF888888' } };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).numFmt = '@'; // text: mobiles and ID numbers keep their digits
    if (c.choices) {
      const letter = ws.getColumn(i + 1).letter;
      // biome-ignore lint/suspicious/noExplicitAny: exceljs types omit the range-wide add()
      (ws as any).dataValidations.add(`${letter}${HINT_ROW + 1}:${letter}${MAX_ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${c.choices.join(',')}"`],
      });
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of notes) help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads dates as UTC midnight (stack notes)
    const y = value.getUTCFullYear();
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    const d = String(value.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** The cell's header without the * marking a required column, front or back. */
const bareHeader = (value: ExcelJS.CellValue) =>
  cellText(value)
    .replace(/^\*|\*$/g, '')
    .trim();

/** Our template's second row: every filled cell is its column's hint. Other sheets start data there. */
function isHintRow<K extends string>(values: Partial<Record<K, string>>, columns: Column<K>[]) {
  const filled = Object.entries(values) as [K, string][];
  return filled.length > 0 && filled.every(([k, v]) => columns.find((c) => c.key === k)?.hint === v);
}

/**
 * Reads the first sheet by header names (a column's header or one of its aliases, in any order;
 * other columns are ignored); a missing required column is a file-level error. `headers` gives each
 * field's header as the file spells it, for error messages.
 */
export async function readRows<K extends string>(
  file: Buffer,
  columns: Column<K>[],
): Promise<{ rows: RawRow<K>[]; errors: RowError[]; headers: Partial<Record<K, string>> }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      headers: {},
      errors: [
        { row: 0, column: '文件', reason: '不是有效的 .xlsx 文件（请使用下载的模板） / not an .xlsx file' },
      ],
    };
  }
  const ws = wb.worksheets[0];
  if (!ws)
    return {
      rows: [],
      headers: {},
      errors: [{ row: 0, column: '文件', reason: '文件中没有工作表 / no worksheet' }],
    };
  const positions = new Map<K, number>();
  const headers: Partial<Record<K, string>> = {};
  ws.getRow(HEADER_ROW).eachCell((cell, col) => {
    const header = bareHeader(cell.value);
    const column = columns.find((c) => c.header === header || c.aliases?.includes(header));
    if (column && !positions.has(column.key)) {
      positions.set(column.key, col);
      headers[column.key] = header;
    }
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length > 0) {
    return {
      rows: [],
      headers,
      errors: missing.map((c) => ({
        row: HEADER_ROW,
        column: [c.header, ...(c.aliases ?? [])].join(' 或 '),
        reason: '缺少该列（请使用下载的模板） / column missing',
      })),
    };
  }
  const rows: RawRow<K>[] = [];
  const errors: RowError[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Partial<Record<K, string>> = {};
    for (const [key, col] of positions) {
      const text = cellText(row.getCell(col).value);
      // a NUL (exceljs reads `_x0000_` as one) or a lone surrogate: PostgreSQL cannot store it. The
      // row error keeps the file from being written; the rest of the text is still checked.
      if (unstorable(text)) {
        errors.push({
          row: r,
          column: headers[key] ?? key,
          reason: '含有无法保存的字符（空字符等） / unstorable character',
        });
      }
      const kept = withoutUnstorable(text);
      if (kept) values[key] = kept;
    }
    if (r === FIRST_DATA_ROW && isHintRow(values, columns)) continue;
    if (Object.keys(values).length > 0) rows.push({ row: r, values });
  }
  if (rows.length > MAX_ROWS) {
    return {
      rows: [],
      headers,
      errors: [{ row: 0, column: '文件', reason: `一次最多导入 ${MAX_ROWS} 行 / at most ${MAX_ROWS} rows` }],
    };
  }
  return { rows, errors, headers };
}

/** Reverse of a label map, accepting the code itself and some aliases. */
export function labelLookup<T extends string>(labels: Record<T, string>, aliases: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(code, code);
    map.set(label, code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return (text: string | undefined): T | undefined => (text === undefined ? undefined : map.get(text.trim()));
}

/** Accepts 2019-07-01, 2019/7/1, 2019.7.1 and Excel dates; returns YYYY-MM-DD or null. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A 年月 as 智慧团建 sheets write it — 2010-05, 2010/5, 2010.05, 2010年5月, 201005, or a whole date —
 * as YYYY-MM; null when it is none of these.
 */
export function parseYearMonth(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:月|[-/.]\d{1,2}日?)?|(\d{2}))$/.exec(t);
  if (!m) return null;
  const month = Number(m[2] ?? m[3]);
  if (month < 1 || month > 12) return null;
  if (/[-/.年]\d{1,2}[-/.]\d/.test(t) && !parseDate(t)) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** Each row through `parse`, its problems gathered into `errors`; the rows that parsed. */
export function parseRows<K extends string, P>(
  rows: RawRow<K>[],
  errors: RowError[],
  parse: (values: Partial<Record<K, string>>, row: number) => { errors: RowError[]; parsed: P | null },
): P[] {
  const parsed: P[] = [];
  for (const r of rows) {
    const result = parse(r.values, r.row);
    errors.push(...result.errors);
    if (result.parsed) parsed.push(result.parsed);
  }
  return parsed;
}

/** The answer when nothing is to be written (a preview, or any problem at all); null to go on and write. */
export function unwrittenResult(rows: number, errors: RowError[], commit: boolean) {
  if (rows === 0 && errors.length === 0)
    errors.push({ row: 0, column: '文件', reason: '没有数据行 / no data rows' });
  const ok = errors.length === 0;
  if (ok && commit) return null;
  return { ok, committed: false, rows, errors: errors.sort((a, b) => a.row - b.row), created: 0 };
}
