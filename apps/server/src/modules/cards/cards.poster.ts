import type { TPublicCard } from '@lianxin/contracts';
import { Resvg } from '@resvg/resvg-js';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';

// A4 at 150 dpi: 1240 × 1754 pixels, drawn in the same units
const W = 1240;
const H = 1754;
const FONT = 'Noto Sans CJK SC';

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** qrcode's own SVG of the URL, nested at (x, y) with the given side. */
async function qrSvg(url: string, x: number, y: number, side: number) {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // qrcode writes <svg … viewBox="0 0 N N" …>…</svg>: place it by giving it a position and size
  return svg.replace('<svg ', `<svg x="${x}" y="${y}" width="${side}" height="${side}" `);
}

function line(text: string, y: number, size: number, weight = 400, fill = '#222') {
  return `<text x="${W / 2}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escapeXml(text)}</text>`;
}

/** The poster as SVG: a red band with the title, the card's words, the QR code and its address. */
export async function posterSvg(card: TPublicCard, url: string): Promise<string> {
  const rows: [string, string | undefined][] = [
    ['职务', card.post],
    ['单位', card.org],
    ['联系点', card.points?.join('、')],
    ['工作电话', card.workPhone],
    ['微信', card.wechat],
    ['联系时间', card.hours],
  ];
  const shown = rows.filter((r): r is [string, string] => Boolean(r[1]));
  const body = shown.map(([k, v], i) => line(`${k}：${v}`, 470 + i * 70, 40)).join('\n');
  const qrTop = 500 + shown.length * 70;
  const side = 560;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="#fff"/>
<rect width="${W}" height="220" fill="#c41d1d"/>
${line('团干部联系青年 · 联系名片', 140, 64, 700, '#fff')}
${line(card.name ?? '联系我们', 370, 88, 700)}
${body}
${await qrSvg(url, (W - side) / 2, qrTop, side)}
${line('微信或手机扫码：找到我、留言、反映问题', qrTop + side + 70, 38)}
${line(url, qrTop + side + 130, 30, 400, '#555')}
</svg>`;
}

/** The poster as PNG, drawn by resvg with the system's CJK fonts. */
export async function posterPng(card: TPublicCard, url: string): Promise<Buffer> {
  const resvg = new Resvg(await posterSvg(card, url), {
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
    fitTo: { mode: 'width', value: W },
  });
  return Buffer.from(resvg.render().asPng());
}

/** The poster as a one-page A4 PDF holding the PNG. */
export async function posterPdf(card: TPublicCard, url: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`联系名片 ${card.name ?? ''}`.trim());
  const png = await pdf.embedPng(await posterPng(card, url));
  const page = pdf.addPage([595.28, 841.89]);
  page.drawImage(png, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return Buffer.from(await pdf.save());
}
