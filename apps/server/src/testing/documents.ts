import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Generated documents as a reader sees them: Word's text, LibreOffice's print, ink on the page.
// `tmp` is the test's own folder (LibreOffice's profile and the pages are written there).

/** The text of a .docx as Word shows it: the runs of word/document.xml, paragraphs on their own lines. */
export function docxText(tmp: string, data: Buffer): string {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, data);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

/**
 * LibreOffice's PDF of a document, with 宋体 mapped to Noto Serif CJK SC as printers without
 * Windows fonts do (stack notes), and a profile of its own so parallel runs do not collide.
 */
export function renderPdf(tmp: string, file: string): string {
  const fontsConf = path.join(tmp, 'fonts.conf');
  fs.writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${['宋体', '仿宋', 'SimSun'].map((f) => `<alias binding="same"><family>${f}</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>`).join('\n')}
</fontconfig>`,
  );
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      tmp,
      file,
    ],
    { env: { ...process.env, HOME: tmp, FONTCONFIG_FILE: fontsConf }, stdio: 'pipe' },
  );
  return path.join(tmp, path.basename(file).replace(/\.docx$/, '.pdf'));
}

/** The share of dark pixels on the first page, rendered in grey (PGM) at 50 dpi. */
export function inkShare(tmp: string, pdf: string): number {
  execFileSync('pdftoppm', [
    '-r',
    '50',
    '-gray',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(tmp, 'page'),
  ]);
  const pgm = fs.readFileSync(path.join(tmp, 'page.pgm'));
  // header: P5, width, height, maxval, each followed by whitespace, then one byte per pixel
  const header = pgm
    .subarray(0, 50)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a PGM file');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark += 1;
  return dark / pixels.length;
}
