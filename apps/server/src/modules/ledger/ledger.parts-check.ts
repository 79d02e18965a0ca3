import type { TLedgerDocument, TLedgerProblem } from '@lianxin/contracts';
import { problem } from './ledger.problem.ts';

/**
 * Checks of the interchange's optional parts (docs/interchange.md): secretary vacancies on
 * organizations, the top-level `filings`, and where a problem was passed. The core's checks are
 * in ledger.validate.ts; these only add what the schema cannot see.
 */
interface PartsContext {
  orgExists(id: string): boolean;
  docOrgs: Map<string, TLedgerDocument['organizations'][number]>;
  tree: { level(id: string): string | null };
}

function vacancyProblems(o: TLedgerDocument['organizations'][number]): TLedgerProblem[] {
  const out: TLedgerProblem[] = [];
  const spans = o.secretaryVacancies ?? [];
  spans.forEach((v, i) => {
    const field = `secretaryVacancies.${i}`;
    if (v.to !== null && v.to < v.from)
      out.push(
        problem(
          'organizations',
          o.id,
          `${field}.to`,
          `空缺结束日期 ${v.to} 早于开始日期 ${v.from}`,
          `to ${v.to} is before from ${v.from}`,
        ),
      );
    const next = spans[i + 1];
    if (next && (v.to === null || next.from <= v.to))
      out.push(
        problem(
          'organizations',
          o.id,
          `secretaryVacancies.${i + 1}.from`,
          '书记空缺时段须按时间先后排列且互不重叠',
          'vacancies are listed in order and do not overlap',
        ),
      );
  });
  if (spans.length > 0 && o.level === 'grassroots')
    out.push(
      problem(
        'organizations',
        o.id,
        'secretaryVacancies',
        '基层组织不登记书记空缺',
        'grassroots organizations have no tracked secretary post',
      ),
    );
  return out;
}

export function checkParts(doc: TLedgerDocument, ctx: PartsContext): TLedgerProblem[] {
  const out: TLedgerProblem[] = [];
  for (const o of ctx.docOrgs.values()) out.push(...vacancyProblems(o));

  const seen = new Set<string>();
  for (const f of doc.filings ?? []) {
    if (seen.has(f.id))
      out.push(
        problem('filings', f.id, 'id', `编号 ${f.id} 在本集合中重复`, `id ${f.id} appears twice in filings`),
      );
    seen.add(f.id);
    if (!ctx.orgExists(f.org))
      out.push(
        problem(
          'filings',
          f.id,
          'org',
          `引用的组织 ${f.org} 在文件和数据库中都不存在`,
          `org refers to organization ${f.org}, which is neither in the document nor in the database`,
        ),
      );
    else if (f.kind === 'half_year_report' && ctx.tree.level(f.org) !== 'county')
      out.push(
        problem(
          'filings',
          f.id,
          'org',
          '半年进展报告由县级团委报送',
          'a half-year report is filed by a county committee',
        ),
      );
  }

  for (const a of doc.activities) {
    if (a.type !== 'problem') continue;
    if (a.passedTo === 'committee' && a.passedToOrg === undefined)
      out.push(
        problem(
          'activities',
          a.id,
          'passedToOrg',
          '转交上级团委时须写明哪一级团委',
          'name the committee the problem was passed to',
        ),
      );
    if (a.passedToOrg !== undefined && a.passedTo !== 'committee')
      out.push(
        problem(
          'activities',
          a.id,
          'passedToOrg',
          'passedToOrg 只用于转交团委',
          'passedToOrg goes with passedTo committee',
        ),
      );
    if (a.passedToOrg !== undefined && !ctx.orgExists(a.passedToOrg))
      out.push(
        problem(
          'activities',
          a.id,
          'passedToOrg',
          `引用的组织 ${a.passedToOrg} 在文件和数据库中都不存在`,
          `passedToOrg refers to organization ${a.passedToOrg}, which is neither in the document nor in the database`,
        ),
      );
    const dated: [string | undefined, string | undefined, string][] = [
      [a.passedTo, a.passedOn, 'passedOn'],
      [a.answer, a.answeredOn, 'answeredOn'],
      [a.reply, a.repliedOn, 'repliedOn'],
    ];
    for (const [what, on, field] of dated)
      if ((what === undefined) !== (on === undefined))
        out.push(
          problem(
            'activities',
            a.id,
            field,
            `${field} 须与对应内容同时填写`,
            `${field} goes with its content, both or neither`,
          ),
        );
  }
  return out;
}
