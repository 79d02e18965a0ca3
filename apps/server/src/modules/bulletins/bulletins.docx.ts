import type { TBulletin } from '@lianxin/contracts';
import { docxFile, heading, PAGE_WIDTH, para, table, title } from '../forms/docx.ts';
import type { FormFile } from '../forms/forms.service.ts';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The bulletin to print: the same figures as its page, in the forms' A4 layout (宋体). */
export async function bulletinDocx(b: TBulletin): Promise<FormFile> {
  const ranked = b.switches.rankOrgs;
  const head = [
    ...(ranked ? ['排名'] : []),
    '下级组织',
    '团干部',
    '达标',
    '进行中',
    '未达标',
    '达标率',
    '联系点覆盖率',
  ].map((text) => ({ text, bold: true, center: true }));
  const orgRows = b.rows.map((r) => [
    ...(ranked ? [{ text: r.rank ? String(r.rank) : '—', center: true }] : []),
    r.name,
    String(r.cadres),
    String(r.counts.met),
    String(r.counts.in_progress),
    String(r.counts.unmet),
    percent(r.rate),
    `${percent(r.coverage.rate)}（${r.coverage.covered}/${r.coverage.total}）`,
  ]);
  const fixed = 900 * 4 + 1100 + 1700 + (ranked ? 700 : 0);
  const orgWidths = [...(ranked ? [700] : []), PAGE_WIDTH - fixed, 900, 900, 900, 900, 1100, 1700];
  const ruleRows = b.rules.map((r) => [
    r.text,
    String(r.counts.met),
    String(r.counts.unmet),
    percent(r.rate),
  ]);
  const blocks = [
    title(`${b.org.name}${b.label}工作通报`),
    para(
      `${b.final ? '统计时段' : '统计时段（截至）'}：${b.from} 至 ${b.asOf}。达标率 = 达标 ÷（达标 + 进行中 + 未达标），豁免、不适用及提示性规则不计。`,
    ),
    heading('一、下级组织达标与覆盖情况'),
    table([head, ...orgRows], orgWidths),
    heading('二、各项规则达标情况'),
    table(
      [['规则', '达标', '未达标', '达标率'].map((text) => ({ text, bold: true, center: true })), ...ruleRows],
      [PAGE_WIDTH - 3300, 900, 1100, 1300],
    ),
  ];
  if (b.cadreRanking) {
    blocks.push(heading('三、团干部达标排名'));
    blocks.push(
      table(
        [
          ['排名', '姓名', '所在组织', '达标率'].map((text) => ({ text, bold: true, center: true })),
          ...b.cadreRanking.map((c) => [String(c.rank), c.name, c.orgName, percent(c.rate)]),
        ],
        [900, 1800, PAGE_WIDTH - 4000, 1300],
      ),
    );
  }
  const data = await docxFile(blocks);
  return { fileName: `${b.org.name}${b.label}工作通报.docx`, data };
}
