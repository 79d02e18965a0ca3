import type { TLedgerDocument, TLedgerProblem } from '@lianxin/contracts';
import { ruleById } from '@lianxin/domain';
import { problem } from './ledger.problem.ts';
import type { Checked } from './ledger.validate.ts';
import type { YearLoaded } from './ledger.year.ts';

/**
 * Checks of the year's extension sections (docs/interchange.md) beyond their schema: every reference
 * resolves in the document or the database, no two records claim one natural key (one filing per
 * cadre, year and kind; one grading per unit and year; one recommendation per report; one posting per
 * cadre and batch), periods run forwards, and a posting's batch and group are its program's.
 */

const KINDS = {
  organization: '组织',
  cadre: '团干部',
  'contact point': '联系点',
  activity: '工作记录',
  'posting program': '下沉项目',
  batch: '批次',
  group: '工作小组',
} as const;
type Kind = keyof typeof KINDS;

export function checkYear(
  doc: TLedgerDocument,
  checked: Checked,
  failedIds: Set<string>,
  loaded: YearLoaded,
): TLedgerProblem[] {
  const out: TLedgerProblem[] = [];
  const failed = (c: string, id: string) => failedIds.has(`${c}:${id}`);
  const docActivities = new Map(doc.activities.map((a) => [a.id, a.type]));
  const programs = new Map((doc.postingPrograms ?? []).map((p) => [p.id, p]));
  const storedPrograms = new Map(loaded.rows.programs.map((p) => [p.id, p]));
  // where each batch and group belongs: the document's programs first, then the database
  const batchProgram = new Map(loaded.batches.map((b) => [b.id, b.programId]));
  const groupOf = new Map(loaded.groups.map((g) => [g.id, { program: g.programId, batch: g.batchId }]));
  for (const p of programs.values()) {
    for (const b of p.batches) batchProgram.set(b.id, p.id);
    for (const g of p.groups ?? []) groupOf.set(g.id, { program: p.id, batch: g.batch });
  }
  const exists: Record<Kind, (id: string) => boolean> = {
    organization: (id) => checked.tree.has(id) || loaded.orgPaths.has(id) || failed('organizations', id),
    cadre: (id) => checked.docCadres.has(id) || loaded.cadreOrgs.has(id) || failed('cadres', id),
    'contact point': (id) =>
      checked.docPoints.has(id) || loaded.points.has(id) || failed('contactPoints', id),
    activity: (id) => docActivities.has(id) || loaded.activityTypes.has(id) || failed('activities', id),
    'posting program': (id) => programs.has(id) || storedPrograms.has(id) || failed('postingPrograms', id),
    batch: (id) => batchProgram.has(id),
    group: (id) => groupOf.has(id),
  };
  const ref = (c: string, id: string, field: string, kind: Kind, target: string | undefined) => {
    if (target !== undefined && !exists[kind](target))
      out.push(
        problem(
          c,
          id,
          field,
          `引用的${KINDS[kind]} ${target} 在文件和数据库中都不存在`,
          `${field} refers to ${kind} ${target}, which is neither in the document nor in the database`,
        ),
      );
  };
  /** ids once per section, and one record per natural key, in the document and against the database */
  const unique = <T extends { id: string }>(
    c: string,
    records: T[],
    key: (r: T) => string,
    field: string,
    stored: { id: string; key: string }[],
    what: [string, string],
  ) => {
    const ids = new Set<string>();
    const keys = new Map(stored.map((s) => [s.key, s.id]));
    const inDoc = new Map<string, string>();
    for (const r of records) {
      if (ids.has(r.id))
        out.push(problem(c, r.id, 'id', `编号 ${r.id} 在本集合中重复`, `id ${r.id} appears twice in ${c}`));
      ids.add(r.id);
      const k = key(r);
      const holder = inDoc.get(k) ?? keys.get(k);
      if (holder !== undefined && holder !== r.id)
        out.push(
          problem(c, r.id, field, `${what[0]}已有记录 ${holder}`, `${what[1]} already has record ${holder}`),
        );
      inDoc.set(k, r.id);
    }
  };
  const forwards = (c: string, id: string, from: string, to: string) => {
    if (to < from)
      out.push(
        problem(c, id, 'to', `结束日期 ${to} 早于开始日期 ${from}`, `to ${to} is before from ${from}`),
      );
  };

  const filings = doc.cycleFilings ?? [];
  unique(
    'cycleFilings',
    filings,
    (r) => `${r.cadre}|${r.year}|${r.kind}`,
    'kind',
    loaded.keyed.filings.map((r) => ({ id: r.id, key: `${r.cadreId}|${r.year}|${r.kind}` })),
    ['该团干部本年度的这类材料', "the cadre's filing of this kind and year"],
  );
  for (const f of filings) {
    ref('cycleFilings', f.id, 'cadre', 'cadre', f.cadre);
    if (f.kind === 'task_list')
      for (const pt of f.content.pointIds) ref('cycleFilings', f.id, 'content.pointIds', 'contact point', pt);
  }

  const recs = doc.reportRecommendations ?? [];
  unique(
    'reportRecommendations',
    recs,
    (r) => r.activity,
    'activity',
    loaded.keyed.recommendations.map((r) => ({ id: r.id, key: r.activityId })),
    ['这份调研报告', 'this research report'],
  );
  for (const r of recs) {
    ref('reportRecommendations', r.id, 'org', 'organization', r.org);
    ref('reportRecommendations', r.id, 'activity', 'activity', r.activity);
    const type = docActivities.get(r.activity) ?? loaded.activityTypes.get(r.activity);
    if (type !== undefined && type !== 'research_report')
      out.push(
        problem(
          'reportRecommendations',
          r.id,
          'activity',
          `推荐的记录 ${r.activity} 不是调研报告`,
          `activity ${r.activity} is not a research_report`,
        ),
      );
  }

  const grades = doc.assessments ?? [];
  unique(
    'assessments',
    grades,
    (r) => `${r.year}|${r.org}|${r.department ?? ''}`,
    'org',
    loaded.keyed.assessments.map((r) => ({ id: r.id, key: `${r.year}|${r.orgId}|${r.department}` })),
    ['该考核单位本年度的考核', "the unit's assessment of this year"],
  );
  for (const a of grades) {
    ref('assessments', a.id, 'org', 'organization', a.org);
    const seen = new Set<string>();
    a.entries.forEach((e, i) => {
      ref('assessments', a.id, `entries.${i}.cadre`, 'cadre', e.cadre);
      if (seen.has(e.cadre))
        out.push(
          problem(
            'assessments',
            a.id,
            `entries.${i}.cadre`,
            `团干部 ${e.cadre} 重复列出`,
            `cadre ${e.cadre} is listed twice`,
          ),
        );
      seen.add(e.cadre);
      for (const reviewer of Object.keys(e.reviews ?? {}))
        ref('assessments', a.id, `entries.${i}.reviews`, 'cadre', reviewer);
    });
  }

  const orgGrades = doc.orgAssessments ?? [];
  unique(
    'orgAssessments',
    orgGrades,
    (r) => `${r.year}|${r.org}`,
    'org',
    loaded.keyed.orgAssessments.map((r) => ({ id: r.id, key: `${r.year}|${r.orgId}` })),
    ['该组织本年度的考核', "the organization's grading of this year"],
  );
  for (const a of orgGrades) {
    ref('orgAssessments', a.id, 'org', 'organization', a.org);
    const seen = new Set<string>();
    a.entries.forEach((e, i) => {
      ref('orgAssessments', a.id, `entries.${i}.org`, 'organization', e.org);
      if (seen.has(e.org))
        out.push(
          problem(
            'orgAssessments',
            a.id,
            `entries.${i}.org`,
            `组织 ${e.org} 重复列出`,
            `organization ${e.org} is listed twice`,
          ),
        );
      seen.add(e.org);
    });
  }

  const waived = doc.exemptions ?? [];
  unique('exemptions', waived, (r) => r.id, 'id', [], ['', '']);
  for (const x of waived) {
    const subjects = [x.cadre, x.point, x.org].filter((s) => s !== undefined);
    if (subjects.length !== 1)
      out.push(
        problem(
          'exemptions',
          x.id,
          'cadre',
          '豁免须且只须指明一个对象（团干部、联系点或组织）',
          'name exactly one of cadre, point and org',
        ),
      );
    for (const [field, rule] of [
      ['rule', x.rule],
      ['basis', x.basis],
    ] as const)
      if (rule !== undefined && !ruleById(rule))
        out.push(problem('exemptions', x.id, field, `没有规则 ${rule}`, `unknown rule ${rule}`));
    ref('exemptions', x.id, 'cadre', 'cadre', x.cadre);
    ref('exemptions', x.id, 'point', 'contact point', x.point);
    ref('exemptions', x.id, 'org', 'organization', x.org);
    ref('exemptions', x.id, 'requestedBy', 'organization', x.requestedBy);
    forwards('exemptions', x.id, x.from, x.to);
    if ((x.approvedBy === undefined) !== (x.approvedAt === undefined))
      out.push(
        problem(
          'exemptions',
          x.id,
          'approvedAt',
          'approvedBy 与 approvedAt 须同时填写',
          'approvedBy goes with approvedAt, both or neither',
        ),
      );
  }

  unique('postingPrograms', [...programs.values()], (r) => r.id, 'id', [], ['', '']);
  for (const p of doc.postingPrograms ?? []) {
    ref('postingPrograms', p.id, 'org', 'organization', p.org);
    p.organs.forEach((o, i) => {
      ref('postingPrograms', p.id, `organs.${i}`, 'organization', o);
    });
    p.batches.forEach((b, i) => {
      if (
        batchProgram.get(b.id) !== p.id ||
        loaded.batches.some((x) => x.id === b.id && x.programId !== p.id)
      )
        out.push(
          problem(
            'postingPrograms',
            p.id,
            `batches.${i}.id`,
            `批次 ${b.id} 属于另一个项目`,
            `batch ${b.id} belongs to another program`,
          ),
        );
    });
    (p.groups ?? []).forEach((g, i) => {
      ref('postingPrograms', p.id, `groups.${i}.prefecture`, 'organization', g.prefecture);
      ref('postingPrograms', p.id, `groups.${i}.leader`, 'cadre', g.leader);
      if (batchProgram.get(g.batch) !== p.id)
        out.push(
          problem(
            'postingPrograms',
            p.id,
            `groups.${i}.batch`,
            `批次 ${g.batch} 不属于本项目`,
            `batch ${g.batch} is not this program's`,
          ),
        );
    });
  }

  const posted = doc.postings ?? [];
  unique(
    'postings',
    posted,
    (r) => `${r.batch}|${r.cadre}`,
    'cadre',
    loaded.keyed.postings.map((r) => ({ id: r.id, key: `${r.batchId}|${r.cadreId}` })),
    ['该团干部在这一批次的派驻', "the cadre's posting in this batch"],
  );
  for (const x of posted) {
    ref('postings', x.id, 'program', 'posting program', x.program);
    ref('postings', x.id, 'cadre', 'cadre', x.cadre);
    ref('postings', x.id, 'org', 'organization', x.org);
    ref('postings', x.id, 'point', 'contact point', x.point);
    ref('postings', x.id, 'batch', 'batch', x.batch);
    ref('postings', x.id, 'group', 'group', x.group);
    if (batchProgram.has(x.batch) && batchProgram.get(x.batch) !== x.program)
      out.push(
        problem(
          'postings',
          x.id,
          'batch',
          `批次 ${x.batch} 不属于项目 ${x.program}`,
          `batch ${x.batch} is not program ${x.program}'s`,
        ),
      );
    const g = x.group === undefined ? undefined : groupOf.get(x.group);
    if (g && (g.program !== x.program || g.batch !== x.batch))
      out.push(
        problem(
          'postings',
          x.id,
          'group',
          `工作小组 ${x.group} 不属于这一项目和批次`,
          `group ${x.group} is not of this program and batch`,
        ),
      );
    forwards('postings', x.id, x.from, x.to);
  }
  return out;
}
