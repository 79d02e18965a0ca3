import type { Coded } from '../bilingual.ts';

/**
 * A rule's parameters, each of a kind that says which way is "tighter". A lower level may tighten a
 * parameter of a preset it inherits but never loosen it (policy-rules.md):
 * - `floor` (at least N): may only go up.
 * - `ceiling` (at most N, or a window within which something is due): may only go down.
 * - `band` ("A to B"): its min may only go up and its max only down, and min stays ≤ max.
 * - `deadline` (MM-DD within the year): may only move earlier.
 * - `applies_to` (ranks, employment types, org levels the rule applies to): may only grow — a
 *   rule that binds more people is the tighter one; dropping a value would exempt people.
 * - `fraction` (a share such as 1/4 of staff per batch): may only go up.
 * - `graded` (counted in assessment grades; false = advisory): may turn on, never off.
 * - `fixed`: a fact of the seed (e.g. the 7 fields of 1+100) that no level may change.
 */
export type Param =
  | { kind: 'floor'; value: number; unit: ParamUnit }
  | { kind: 'ceiling'; value: number; unit: ParamUnit }
  | { kind: 'band'; min: number; max: number; unit: ParamUnit }
  | { kind: 'deadline'; value: string }
  | { kind: 'applies_to'; value: readonly string[] }
  | { kind: 'fraction'; value: number }
  | { kind: 'graded'; value: boolean }
  | { kind: 'fixed'; value: number | string | readonly string[] };

export type ParamUnit = 'count' | 'days' | 'months' | 'people' | 'fields' | 'points' | 'cadres';

export type Params = Readonly<Record<string, Param>>;

/** What a lower level asks for: a new value per parameter name (a band takes `{ min, max }`). */
export type ParamOverrides = Readonly<
  Record<string, number | string | boolean | readonly string[] | { min?: number; max?: number }>
>;

export type TightenErrorCode = 'loosens' | 'unknown_param' | 'wrong_type' | 'fixed';
export type TightenError = Coded<TightenErrorCode> & { param: string };

export type TightenResult = { ok: true; params: Params } | { ok: false; errors: TightenError[] };

const MMDD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function loosens(param: string, zhWhy: string, enWhy: string): TightenError {
  return {
    code: 'loosens',
    param,
    zh: `参数 ${param} 只能收紧不能放宽：${zhWhy}`,
    en: `Parameter ${param} may be tightened, never loosened: ${enWhy}`,
  };
}

function wrongType(param: string, expected: string): TightenError {
  return {
    code: 'wrong_type',
    param,
    zh: `参数 ${param} 的取值应为${expected}`,
    en: `Parameter ${param} takes ${expected}`,
  };
}

function tightenOne(name: string, p: Param, v: ParamOverrides[string]): Param | TightenError {
  switch (p.kind) {
    case 'floor':
      if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType(name, 'a number');
      if (v < p.value)
        return loosens(name, `下限 ${p.value} 不能降为 ${v}`, `the floor ${p.value} cannot go down to ${v}`);
      return { ...p, value: v };
    case 'ceiling':
      if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType(name, 'a number');
      if (v > p.value)
        return loosens(name, `上限 ${p.value} 不能升为 ${v}`, `the ceiling ${p.value} cannot go up to ${v}`);
      return { ...p, value: v };
    case 'band': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return wrongType(name, '{ min, max }');
      const band = v as { min?: number; max?: number };
      const min = band.min ?? p.min;
      const max = band.max ?? p.max;
      if (min < p.min)
        return loosens(name, `下限 ${p.min} 不能降为 ${min}`, `the floor ${p.min} cannot go down to ${min}`);
      if (max > p.max)
        return loosens(name, `上限 ${p.max} 不能升为 ${max}`, `the ceiling ${p.max} cannot go up to ${max}`);
      if (min > max) return wrongType(name, 'a band whose min is not above its max');
      return { ...p, min, max };
    }
    case 'deadline':
      if (typeof v !== 'string' || !MMDD.test(v)) return wrongType(name, 'a date MM-DD');
      if (v > p.value)
        return loosens(
          name,
          `期限 ${p.value} 不能推迟到 ${v}`,
          `the deadline ${p.value} cannot move later to ${v}`,
        );
      return { ...p, value: v };
    case 'applies_to': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return wrongType(name, 'a list');
      const missing = p.value.filter((x) => !v.includes(x));
      if (missing.length > 0)
        return loosens(
          name,
          `不能移除适用范围 ${missing.join('、')}`,
          `cannot drop ${missing.join(', ')} from those it applies to`,
        );
      return { ...p, value: [...v] };
    }
    case 'fraction':
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return wrongType(name, 'a share between 0 and 1');
      if (v < p.value)
        return loosens(name, `比例 ${p.value} 不能降为 ${v}`, `the share ${p.value} cannot go down to ${v}`);
      return { ...p, value: v };
    case 'graded':
      if (typeof v !== 'boolean') return wrongType(name, 'true or false');
      if (p.value && !v)
        return loosens(name, '计入考核的规则不能改为仅作提示', 'a graded rule cannot become advisory');
      return { ...p, value: v };
    case 'fixed':
      return {
        code: 'fixed',
        param: name,
        zh: `参数 ${name} 由文件规定，不可调整`,
        en: `Parameter ${name} is set by the policy text and cannot be changed`,
      };
  }
}

/**
 * A lower level's parameters: `params` tightened by `lower`. Every loosening attempt is refused,
 * each error naming its parameter, and then nothing is applied.
 */
export function tighten(params: Params, lower: ParamOverrides): TightenResult {
  const out: Record<string, Param> = { ...params };
  const errors: TightenError[] = [];
  for (const [name, v] of Object.entries(lower)) {
    const p = params[name];
    if (p === undefined) {
      errors.push({
        code: 'unknown_param',
        param: name,
        zh: `规则没有参数 ${name}`,
        en: `The rule has no parameter ${name}`,
      });
      continue;
    }
    const r = tightenOne(name, p, v);
    if ('code' in r) errors.push(r);
    else out[name] = r;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params: out };
}

// Readers used by the evaluators; a missing or mistyped parameter is a programming error.
export function num(params: Params, name: string): number {
  const p = params[name];
  if (p?.kind === 'floor' || p?.kind === 'ceiling' || p?.kind === 'fraction') return p.value;
  if (p?.kind === 'fixed' && typeof p.value === 'number') return p.value;
  throw new Error(`Parameter ${name} is not a number`);
}

export function band(params: Params, name: string): { min: number; max: number } {
  const p = params[name];
  if (p?.kind === 'band') return { min: p.min, max: p.max };
  throw new Error(`Parameter ${name} is not a band`);
}

export function list(params: Params, name: string): readonly string[] {
  const p = params[name];
  if (p?.kind === 'applies_to') return p.value;
  if (p?.kind === 'fixed' && Array.isArray(p.value)) return p.value;
  throw new Error(`Parameter ${name} is not a list`);
}

export function deadline(params: Params, name: string, year: number): string {
  const p = params[name];
  if (p?.kind === 'deadline') return `${year}-${p.value}`;
  throw new Error(`Parameter ${name} is not a deadline`);
}
