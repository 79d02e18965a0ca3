import { type FieldProblem, isRealDate } from '../activities.ts';
import { POSTING_FORMAT, POSTING_RANKS, type PostingProblem } from './problem.ts';

export type ParsedProblem =
  | { readonly ok: true; readonly problem: PostingProblem }
  | { readonly ok: false; readonly problems: FieldProblem[] };

type Record_ = Record<string, unknown>;

/** Collects every problem of a document, each naming its field (`cadres[3].rank`), before any planning. */
class Checker {
  readonly problems: FieldProblem[] = [];

  add(field: string, zh: string, en: string) {
    this.problems.push({ field, zh: `${field}：${zh}`, en: `${field}: ${en}` });
  }

  object(value: unknown, field: string): Record_ | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record_;
    this.add(field, '应为对象', 'must be an object');
    return undefined;
  }

  list(value: unknown, field: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.add(field, '应为数组', 'must be an array');
    return [];
  }

  text(o: Record_, key: string, at: string): string | undefined {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.add(`${at}.${key}`, '应为非空字符串', 'must be a non-empty string');
    return undefined;
  }

  id(o: Record_, at: string, seen: Set<string>): string | undefined {
    const id = this.text(o, 'id', at);
    if (id !== undefined && seen.has(id)) this.add(`${at}.id`, `编号 ${id} 重复`, `id ${id} repeats`);
    if (id !== undefined) seen.add(id);
    return id;
  }

  batchRefs(o: Record_, key: string, at: string, batchIds: Set<string>, optional: boolean) {
    if (optional && o[key] === undefined) return;
    this.list(o[key], `${at}.${key}`).forEach((b, j) => {
      if (typeof b !== 'string' || !batchIds.has(b))
        this.add(`${at}.${key}[${j}]`, '不是本方案的批次', 'names no batch of this problem');
    });
  }
}

function checkBatches(c: Checker, doc: Record_): Set<string> {
  const ids = new Set<string>();
  const batches = c.list(doc.batches, 'batches');
  if (Array.isArray(doc.batches) && batches.length === 0)
    c.add('batches', '至少需要一个批次', 'needs a batch');
  batches.forEach((raw, i) => {
    const b = c.object(raw, `batches[${i}]`);
    if (!b) return;
    c.id(b, `batches[${i}]`, ids);
    if (typeof b.start !== 'string' || !isRealDate(b.start))
      c.add(`batches[${i}].start`, '应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  });
  return ids;
}

function checkOrgans(c: Checker, doc: Record_): Set<string> {
  const ids = new Set<string>();
  c.list(doc.organs, 'organs').forEach((raw, i) => {
    const at = `organs[${i}]`;
    const o = c.object(raw, at);
    if (!o) return;
    c.id(o, at, ids);
    if (o.level === 'province') {
      if (typeof o.divisionCode !== 'string' || !/^\d{2}0000$/.test(o.divisionCode))
        c.add(
          `${at}.divisionCode`,
          '省级机关须有 6 位省级区划代码',
          'a provincial organ needs its province code',
        );
    } else if (o.level !== 'central') {
      c.add(`${at}.level`, '应为 central 或 province', 'must be central or province');
    }
  });
  return ids;
}

function checkCadres(c: Checker, doc: Record_, organIds: Set<string>, batchIds: Set<string>) {
  const ids = new Set<string>();
  c.list(doc.cadres, 'cadres').forEach((raw, i) => {
    const at = `cadres[${i}]`;
    const k = c.object(raw, at);
    if (!k) return;
    c.id(k, at, ids);
    const organ = c.text(k, 'organ', at);
    if (organ !== undefined && !organIds.has(organ))
      c.add(`${at}.organ`, `机关 ${organ} 不在 organs 中`, `organ ${organ} is not among the organs`);
    if (!(POSTING_RANKS as readonly unknown[]).includes(k.rank))
      c.add(
        `${at}.rank`,
        `职级应为 ${POSTING_RANKS.join('、')} 之一`,
        `must be one of ${POSTING_RANKS.join(', ')}`,
      );
    if (typeof k.grassrootsYears !== 'number' || !Number.isFinite(k.grassrootsYears) || k.grassrootsYears < 0)
      c.add(`${at}.grassrootsYears`, '应为不小于 0 的数', 'must be a number ≥ 0');
    if (
      k.probationEndsOn !== null &&
      (typeof k.probationEndsOn !== 'string' || !isRealDate(k.probationEndsOn))
    )
      c.add(`${at}.probationEndsOn`, '应为日期 YYYY-MM-DD 或 null', 'must be a date YYYY-MM-DD or null');
    c.batchRefs(k, 'avoidBatches', at, batchIds, false);
    c.batchRefs(k, 'prefersBatches', at, batchIds, true);
    if (k.department !== undefined && typeof k.department !== 'string')
      c.add(`${at}.department`, '应为字符串', 'must be a string');
  });
}

function checkCounties(c: Checker, doc: Record_) {
  const ids = new Set<string>();
  const provinceOf = new Map<string, string>();
  c.list(doc.counties, 'counties').forEach((raw, i) => {
    const at = `counties[${i}]`;
    const k = c.object(raw, at);
    if (!k) return;
    c.id(k, at, ids);
    const prefecture = c.text(k, 'prefecture', at);
    const province = c.text(k, 'province', at);
    if (prefecture === undefined || province === undefined) return;
    const known = provinceOf.get(prefecture);
    if (known !== undefined && known !== province)
      c.add(
        `${at}.province`,
        `地市 ${prefecture} 已属 ${known}，不能又属 ${province}`,
        `prefecture ${prefecture} already lies in ${known}, not ${province}`,
      );
    provinceOf.set(prefecture, province);
  });
}

/**
 * Checks a `lianxin-posting/1` document's structure and references, naming every bad field. Unknown
 * fields are ignored; `department` and `prefersBatches` may be absent.
 */
export function parseProblem(raw: unknown): ParsedProblem {
  const c = new Checker();
  const doc = c.object(raw, 'document');
  if (!doc) return { ok: false, problems: c.problems };
  if (doc.format !== POSTING_FORMAT) c.add('format', `应为 ${POSTING_FORMAT}`, `must be ${POSTING_FORMAT}`);
  const batchIds = checkBatches(c, doc);
  const organIds = checkOrgans(c, doc);
  checkCadres(c, doc, organIds, batchIds);
  checkCounties(c, doc);
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  return { ok: true, problem: doc as unknown as PostingProblem };
}
