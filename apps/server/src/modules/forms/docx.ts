import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

// Official forms are set in 宋体 (仿宋 in the body of documents); printers without it fall back to
// the CJK serif they have (Noto Serif CJK on Debian).
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
// A4 in twentieths of a point
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm

type Block = Paragraph | Table;

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, bold: true, size: 36, font: FONT })],
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: FONT })],
  });
}

/** A paragraph; each line of `text` its own line. */
export function para(
  text: string,
  opts: { align?: 'left' | 'right' | 'center'; size?: number; bold?: boolean } = {},
): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    alignment:
      opts.align === 'right'
        ? AlignmentType.RIGHT
        : opts.align === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: lines.map(
      (line, i) =>
        new TextRun({ text: line, break: i > 0 ? 1 : 0, size: opts.size ?? 24, bold: opts.bold, font: FONT }),
    ),
  });
}

export interface CellSpec {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  center?: boolean;
}

const cell = (c: CellSpec | string, width: number) => {
  const spec = typeof c === 'string' ? { text: c } : c;
  return new TableCell({
    columnSpan: spec.colSpan,
    rowSpan: spec.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: spec.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: spec.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: spec.bold, size: 24, font: FONT })],
        }),
    ),
  });
};

/** A bordered table; `widths` in twentieths of a point, one per column of the grid. */
export function table(rows: (CellSpec | string)[][], widths: number[], heights: number[] = []): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          height: heights[r] ? { value: heights[r], rule: 'atLeast' } : undefined,
          children: row.map((c, i) => cell(c, widths[i] ?? widths[0] ?? 1000)),
        }),
    ),
  });
}

export const PAGE_WIDTH = A4.width - 2 * MARGIN;

export function docxFile(children: Block[], opts: { landscape?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: opts.landscape
              ? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
              : A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
