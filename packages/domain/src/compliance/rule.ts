import type { Bilingual } from '../bilingual.ts';
import type { Params } from './params.ts';
import type { Period, PresetId, SubjectKind } from './types.ts';

/** One checkable rule of policy-rules.md, as data: the engine reads its parameters, never its prose. */
export interface RuleDef {
  readonly id: string;
  readonly preset: PresetId;
  /** The rule in words, as a person reads it beside a result. */
  readonly describe: Bilingual;
  readonly subject: SubjectKind;
  readonly period: Period;
  /** Who the rule speaks of and its numbers; `graded: false` marks an advisory rule. */
  readonly params: Params;
}

export interface PresetDef {
  readonly id: PresetId;
  readonly seed: string;
  readonly title: Bilingual;
  /**
   * Who the preset binds (`ranks`, `orgLevels` of the cadre's organization, `employment`): the
   * defaults of every rule, which a rule's own parameter of the same name replaces. A subject
   * outside a rule's population gets no result (decision 10's "no subject, no result").
   */
  readonly who: Params;
  readonly rules: readonly RuleDef[];
}

export function isAdvisory(rule: { params: Params }): boolean {
  const g = rule.params.graded;
  return g?.kind === 'graded' && !g.value;
}
