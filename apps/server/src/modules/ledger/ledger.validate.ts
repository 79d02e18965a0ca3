import {
  LEDGER_YEAR_SECTIONS,
  type TLedgerDocument,
  type TLedgerProblem,
  ZLedgerDocument,
} from '@lianxin/contracts';
import { activityDateProblems, canPlaceUnder, childPath, type OrgLevel } from '@lianxin/domain';
import { array as ZArray, unknown as ZUnknown, type z } from 'zod';
import { checkParts } from './ledger.parts-check.ts';
import { problem } from './ledger.problem.ts';
import { inSlices } from './ledger.progress.ts';
import type { CadreRow, ContactRow, OrgRow, PointRow } from './ledger.repo.ts';

export type Collection = Exclude<keyof TLedgerDocument, 'format'>;
export const COLLECTIONS: Collection[] = [
  'organizations',
  'cadres',
  'presets',
  'contactPoints',
  'contacts',
  'activities',
  'filings',
  ...LEDGER_YEAR_SECTIONS,
];

// --- the schema: strict objects, every issue named by collection, record id and field ---

function at(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** `中文 / English` messages of the contracts package, split into their two languages. */
function bilingual(message: string): { zh: string; en: string } {
  const i = message.indexOf(' / ');
  return i > 0 ? { zh: message.slice(0, i), en: message.slice(i + 3) } : { zh: message, en: message };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? { zh: '缺少必填字段', en: 'required field is missing' }
        : { zh: `类型有误，应为 ${issue.expected}`, en: issue.message };
    case 'invalid_union':
      if ('discriminator' in issue) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        return {
          zh: `类型 ${JSON.stringify(value)} 不存在，应为 ${options.join('、')}`,
          en: `unknown type ${JSON.stringify(value)}; expected ${options.join(', ')}`,
        };
      }
      return { zh: '内容不符合任何一种记录格式', en: issue.message };
    case 'invalid_value':
      return {
        zh: `取值应为 ${issue.values.map(String).join('、')}`,
        en: `must be one of ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      if (issue.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        return { zh: `${value} 不是有效日期`, en: `${value} is not a real date` };
      return bilingual(issue.message);
    case 'too_small':
      return {
        zh: `${issue.origin === 'string' ? '长度' : '数值'}不能小于 ${issue.minimum}`,
        en: issue.message,
      };
    case 'too_big':
      return {
        zh: `${issue.origin === 'string' ? '长度' : '数值'}不能大于 ${issue.maximum}`,
        en: issue.message,
      };
    default:
      return bilingual(issue.message);
  }
}

export interface Parsed {
  /** the document with the records that passed the schema */
  doc: TLedgerDocument;
  problems: TLedgerProblem[];
  /** ids of records that failed the schema: references to them are not reported a second time */
  failedIds: Set<string>;
}

function issueProblems(issues: z.core.$ZodIssue[], raw: unknown, base: PropertyKey[]): TLedgerProblem[] {
  const problems: TLedgerProblem[] = [];
  for (const issue of issues) {
    const [collection, index, ...rest] = [...base, ...issue.path];
    const inRecord = typeof collection === 'string' && typeof index === 'number';
    const rawId = inRecord ? at(raw, [collection, index, 'id']) : undefined;
    const id = typeof rawId === 'string' ? rawId : null;
    // a record without a usable id is named by its position
    const prefix = inRecord && id === null ? `[${index}]` : '';
    const fieldPath = (inRecord ? rest : [...base, ...issue.path]).map(String).join('.');
    const join = (f: string) => [prefix, f].filter(Boolean).join('.');
    const coll = inRecord ? collection : 'document';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(
          problem(
            coll,
            id,
            join(fieldPath ? `${fieldPath}.${key}` : key),
            `未知字段 ${key}：lianxin-ledger/1 中没有这个字段`,
            `unknown field ${key}: lianxin-ledger/1 has no such field`,
          ),
        );
      }
      continue;
    }
    const { zh, en } = describeIssue(issue, at(raw, [...base, ...issue.path]));
    problems.push(problem(coll, id, join(fieldPath) || '(record)', zh, en));
  }
  return problems;
}

const ZEnvelope = ZLedgerDocument.extend(
  Object.fromEntries(COLLECTIONS.map((c) => [c, ZArray(ZUnknown()).default([])])) as Record<
    Collection,
    z.ZodDefault<z.ZodArray<z.ZodUnknown>>
  >,
);

/**
 * Schema check, record by record, so that one bad record does not hide the problems of the others;
 * an unknown field is rejected with its name, never dropped. Records are checked a slice at a time
 * (the event loop serves others in between); `onRecords` hears how many are done.
 */
export async function parseLedger(raw: unknown, onRecords?: (done: number) => void): Promise<Parsed> {
  const envelope = ZEnvelope.safeParse(raw);
  const failedIds = new Set<string>();
  if (!envelope.success)
    return { doc: emptyDoc(), problems: issueProblems(envelope.error.issues, raw, []), failedIds };
  const doc = emptyDoc();
  const problems: TLedgerProblem[] = [];
  let before = 0;
  for (const c of COLLECTIONS) {
    const schema = ZLedgerDocument.shape[c].unwrap().element;
    await inSlices(
      envelope.data[c],
      (record, i) => {
        const r = schema.safeParse(record);
        if (r.success) (doc[c] as unknown[]).push(r.data);
        else {
          problems.push(...issueProblems(r.error.issues, raw, [c, i]));
          const id = at(record, ['id']);
          if (typeof id === 'string') failedIds.add(`${c}:${id}`);
        }
      },
      (done) => onRecords?.(before + done),
    );
    before += envelope.data[c].length;
  }
  return { doc, problems, failedIds };
}

/** How many records a document carries (what the parse and check phases count). */
export const recordCount = (raw: unknown) =>
  COLLECTIONS.reduce((n, c) => {
    const list = at(raw, [c]);
    return n + (Array.isArray(list) ? list.length : 0);
  }, 0);

const emptyDoc = (): TLedgerDocument => ({
  format: 'lianxin-ledger/1',
  organizations: [],
  cadres: [],
  presets: [],
  contactPoints: [],
  contacts: [],
  activities: [],
  filings: [],
  ...Object.fromEntries(LEDGER_YEAR_SECTIONS.map((c) => [c, []])),
});

// --- references, dates, placement: what the schema cannot see ---

/** What the database already holds of the records a document names or refers to. */
export interface Snapshot {
  orgs: Map<string, OrgRow>;
  cadres: Map<string, CadreRow>;
  points: Map<string, PointRow>;
  contacts: Map<string, ContactRow>;
  /** `level:code` → the id of the organization holding it */
  codeOwners: Map<string, string>;
}

/** The tree as it will stand after the import: the document's organizations over the database's. */
export class FinalTree {
  private readonly paths = new Map<string, string | null>();
  constructor(
    private readonly doc: Map<string, TLedgerDocument['organizations'][number]>,
    private readonly db: Map<string, OrgRow>,
  ) {}

  has(id: string) {
    return this.doc.has(id) || this.db.has(id);
  }

  level(id: string): OrgLevel | null {
    return (this.doc.get(id)?.level ?? this.db.get(id)?.level ?? null) as OrgLevel | null;
  }

  parent(id: string): string | null {
    const d = this.doc.get(id);
    // decision 30: a top organization without a parent keeps the place it has in the database
    if (d?.parent !== undefined) return d.parent;
    return this.db.get(id)?.parentId ?? null;
  }

  /** True when walking up from `id` comes back to it. */
  inCycle(id: string): boolean {
    const seen = new Set<string>();
    let cur = this.parent(id);
    while (cur !== null && !seen.has(cur)) {
      if (cur === id) return true;
      seen.add(cur);
      cur = this.parent(cur);
    }
    return false;
  }

  /** Materialized path after the import; null while a reference is missing or the tree has a cycle. */
  path(id: string, depth = 0): string | null {
    if (this.paths.has(id)) return this.paths.get(id) ?? null;
    if (!this.has(id) || depth > 64) return null;
    const parent = this.parent(id);
    let path: string | null;
    if (parent === null) path = childPath(null, id);
    else {
      const above = this.path(parent, depth + 1);
      path = above === null ? null : childPath(above, id);
    }
    this.paths.set(id, path);
    return path;
  }
}

function duplicates<T extends { id: string }>(
  collection: Collection,
  records: T[],
  out: TLedgerProblem[],
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const r of records) {
    if (byId.has(r.id))
      out.push(
        problem(
          collection,
          r.id,
          'id',
          `编号 ${r.id} 在本集合中重复`,
          `id ${r.id} appears twice in ${collection}`,
        ),
      );
    else byId.set(r.id, r);
  }
  return byId;
}

const missing = (
  collection: Collection,
  id: string,
  field: string,
  what: string,
  whatZh: string,
  ref: string,
) =>
  problem(
    collection,
    id,
    field,
    `引用的${whatZh} ${ref} 在文件和数据库中都不存在`,
    `${field} refers to ${what} ${ref}, which is neither in the document nor in the database`,
  );

function repeated(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (seen.has(v)) return true;
    seen.add(v);
    return false;
  });
}

export interface Checked {
  problems: TLedgerProblem[];
  tree: FinalTree;
  docOrgs: Map<string, TLedgerDocument['organizations'][number]>;
  docCadres: Map<string, TLedgerDocument['cadres'][number]>;
  docPoints: Map<string, TLedgerDocument['contactPoints'][number]>;
}

/**
 * Every problem of a parsed document against the database snapshot; empty when it may be written.
 * The big collections are checked a slice at a time; `onRecords` hears how many activities are done.
 */
export async function checkLedger(
  doc: TLedgerDocument,
  snap: Snapshot,
  failedIds = new Set<string>(),
  onRecords?: (done: number) => void,
): Promise<Checked> {
  const out: TLedgerProblem[] = [];
  const docOrgs = duplicates('organizations', doc.organizations, out);
  const docCadres = duplicates('cadres', doc.cadres, out);
  const docPoints = duplicates('contactPoints', doc.contactPoints, out);
  const docContacts = duplicates('contacts', doc.contacts, out);
  duplicates('activities', doc.activities, out);
  const tree = new FinalTree(docOrgs, snap.orgs);
  const failed = (c: Collection, id: string) => failedIds.has(`${c}:${id}`);
  const orgExists = (id: string) => tree.has(id) || failed('organizations', id);
  const cadreExists = (id: string) => docCadres.has(id) || snap.cadres.has(id) || failed('cadres', id);
  const pointExists = (id: string) => docPoints.has(id) || snap.points.has(id) || failed('contactPoints', id);
  const contactExists = (id: string) =>
    docContacts.has(id) || snap.contacts.has(id) || failed('contacts', id);

  const codes = new Map<string, string>();
  for (const o of docOrgs.values()) {
    const existing = snap.orgs.get(o.id);
    if (existing && existing.level !== o.level)
      out.push(
        problem(
          'organizations',
          o.id,
          'level',
          `组织 ${o.id} 已存在，级别为 ${existing.level}，导入不能改变组织级别`,
          `organization ${o.id} exists at level ${existing.level}; an import cannot change a level`,
        ),
      );
    if (o.parent !== undefined && !orgExists(o.parent)) {
      out.push(missing('organizations', o.id, 'parent', 'organization', '上级组织', o.parent));
    } else if (o.parent !== undefined && tree.has(o.parent)) {
      // decision 30: a document may start at any level, so a top organization needs no parent
      const placement = canPlaceUnder(o.level, tree.level(o.parent));
      if (placement) out.push(problem('organizations', o.id, 'parent', placement.zh, placement.en));
      else if (o.parent !== undefined && tree.inCycle(o.id))
        out.push(
          problem(
            'organizations',
            o.id,
            'parent',
            `上级组织 ${o.parent} 位于本组织之下，会形成循环`,
            `parent ${o.parent} lies below this organization: the tree would have a cycle`,
          ),
        );
    }
    if (o.field !== undefined && o.level !== 'grassroots')
      out.push(
        problem(
          'organizations',
          o.id,
          'field',
          '只有基层组织填写领域',
          'only grassroots organizations have a field',
        ),
      );
    if (o.divisionCode !== undefined) {
      // decision 1: a division code is unique per level, so a seeded committee is never duplicated
      const key = `${o.level}:${o.divisionCode}`;
      const owner = snap.codeOwners.get(key);
      const earlier = codes.get(key);
      if (owner !== undefined && owner !== o.id)
        out.push(
          problem(
            'organizations',
            o.id,
            'divisionCode',
            `行政区划代码 ${o.divisionCode} 已被同级组织 ${owner} 使用`,
            `division code ${o.divisionCode} is already used at level ${o.level} by ${owner}`,
          ),
        );
      else if (earlier !== undefined)
        out.push(
          problem(
            'organizations',
            o.id,
            'divisionCode',
            `行政区划代码 ${o.divisionCode} 与本文件中的同级组织 ${earlier} 重复`,
            `division code ${o.divisionCode} is also given to ${earlier} in this document`,
          ),
        );
      else codes.set(key, o.id);
    }
  }

  for (const c of docCadres.values()) {
    if (!orgExists(c.org)) out.push(missing('cadres', c.id, 'org', 'organization', '组织', c.org));
  }

  const presetKeys = new Set<string>();
  for (const pr of doc.presets) {
    if (!orgExists(pr.org)) out.push(missing('presets', pr.org, 'org', 'organization', '组织', pr.org));
    const key = `${pr.org}\u0000${pr.preset}`;
    if (presetKeys.has(key))
      out.push(
        problem(
          'presets',
          pr.org,
          'preset',
          `组织 ${pr.org} 的预设 ${pr.preset} 重复`,
          `preset ${pr.preset} of ${pr.org} is listed twice`,
        ),
      );
    presetKeys.add(key);
  }

  for (const pt of docPoints.values()) {
    if ((pt.cadre === undefined) === (pt.holderOrg === undefined))
      out.push(
        problem(
          'contactPoints',
          pt.id,
          'cadre',
          '联系点须且只须填写 cadre（团干部）或 holderOrg（机关）之一',
          'a contact point names exactly one of cadre and holderOrg',
        ),
      );
    if (pt.cadre !== undefined && !cadreExists(pt.cadre))
      out.push(missing('contactPoints', pt.id, 'cadre', 'cadre', '团干部', pt.cadre));
    if (pt.holderOrg !== undefined && !orgExists(pt.holderOrg))
      out.push(missing('contactPoints', pt.id, 'holderOrg', 'organization', '组织', pt.holderOrg));
    if (!orgExists(pt.org)) out.push(missing('contactPoints', pt.id, 'org', 'organization', '组织', pt.org));
    if (pt.to !== null && pt.to < pt.from)
      out.push(
        problem(
          'contactPoints',
          pt.id,
          'to',
          `结束日期 ${pt.to} 早于开始日期 ${pt.from}`,
          `to ${pt.to} is before from ${pt.from}`,
        ),
      );
    if (pt.predecessor !== undefined) {
      if (pt.predecessor === pt.id)
        out.push(
          problem(
            'contactPoints',
            pt.id,
            'predecessor',
            '前任联系点不能是自身',
            'a point cannot be its own predecessor',
          ),
        );
      else if (!pointExists(pt.predecessor))
        out.push(
          missing('contactPoints', pt.id, 'predecessor', 'contact point', '前任联系点', pt.predecessor),
        );
    }
  }

  await inSlices([...docContacts.values()], (ct) => {
    for (const c of new Set(ct.of))
      if (!cadreExists(c)) out.push(missing('contacts', ct.id, 'of', 'cadre', '团干部', c));
    for (const c of new Set(repeated(ct.of)))
      out.push(problem('contacts', ct.id, 'of', `团干部 ${c} 重复列出`, `cadre ${c} is listed twice`));
    const of = new Set(ct.of);
    for (const c of new Set(ct.keyOf ?? []))
      if (!of.has(c))
        out.push(
          problem(
            'contacts',
            ct.id,
            'keyOf',
            `结对团干部 ${c} 不在 of（经常联系的团干部）之中`,
            `keyOf names ${c}, who is not in of`,
          ),
        );
    for (const c of new Set(repeated(ct.keyOf ?? [])))
      out.push(problem('contacts', ct.id, 'keyOf', `团干部 ${c} 重复列出`, `cadre ${c} is listed twice`));
    for (const t of new Set(repeated(ct.tags ?? [])))
      out.push(problem('contacts', ct.id, 'tags', `标签 ${t} 重复`, `tag ${t} is listed twice`));
  });

  const cadreOrg = (id: string) => docCadres.get(id)?.org ?? snap.cadres.get(id)?.orgId ?? null;
  const checkActivity = (a: TLedgerDocument['activities'][number]) => {
    if (!cadreExists(a.cadre)) out.push(missing('activities', a.id, 'cadre', 'cadre', '团干部', a.cadre));
    if (a.point !== undefined) {
      if (!pointExists(a.point))
        out.push(missing('activities', a.id, 'point', 'contact point', '联系点', a.point));
      else {
        const d = docPoints.get(a.point);
        const s = snap.points.get(a.point);
        const holder = d ? (d.cadre ?? null) : (s?.cadreId ?? null);
        const organ = d ? (d.holderOrg ?? null) : (s?.holderOrgId ?? null);
        // a point held by an organ (decision 6) takes the activities of that organ's cadres
        const ok = holder !== null ? holder === a.cadre : organ !== null && organ === cadreOrg(a.cadre);
        if (!ok)
          out.push(
            problem(
              'activities',
              a.id,
              'point',
              `联系点 ${a.point} 不属于团干部 ${a.cadre}`,
              `contact point ${a.point} is not held by cadre ${a.cadre}`,
            ),
          );
      }
    }
    for (const c of new Set(a.contacts ?? []))
      if (!contactExists(c)) out.push(missing('activities', a.id, 'contacts', 'contact', '联系青年', c));
    for (const c of new Set(repeated(a.contacts ?? [])))
      out.push(
        problem('activities', a.id, 'contacts', `联系青年 ${c} 重复列出`, `contact ${c} is listed twice`),
      );
    if (a.type === 'open_day' && !orgExists(a.org))
      out.push(missing('activities', a.id, 'org', 'organization', '组织', a.org));
    for (const p of activityDateProblems(a as Parameters<typeof activityDateProblems>[0]))
      out.push(problem('activities', a.id, p.field, p.zh, p.en));
  };
  await inSlices(doc.activities, checkActivity, onRecords);
  out.push(...checkParts(doc, { orgExists, docOrgs, tree }));
  return { problems: out, tree, docOrgs, docCadres, docPoints };
}
