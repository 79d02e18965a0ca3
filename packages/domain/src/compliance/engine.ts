import { Ctx, type EvaluateOptions } from './context.ts';
import { applyExemptions } from './exemptions.ts';
import type { ComplianceFacts } from './facts.ts';
import { PRESETS } from './presets.ts';
import { isAdvisory } from './rule.ts';
import { EVALUATORS } from './rules/index.ts';
import { type ComplianceResult, PRESET_IDS } from './types.ts';

/**
 * One result per rule of every preset in force and per subject it speaks of (interchange.md),
 * computed from facts alone (decision 8). A rule whose subject does not exist gives no result
 * (decision 10); an advisory rule's results are marked `advisory`.
 */
export function evaluate(facts: ComplianceFacts, opts: EvaluateOptions): ComplianceResult[] {
  const steps = evaluationSteps(facts, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `evaluate` one rule at a time: it yields each rule's id once that rule is evaluated and returns the
 * results, so that a caller can do other work between rules (the server's next queries).
 */
export function* evaluationSteps(
  facts: ComplianceFacts,
  opts: EvaluateOptions,
): Generator<string, ComplianceResult[], void> {
  const ctx = new Ctx(facts, opts);
  const inForce = ctx.presetsInForce();
  const results: ComplianceResult[] = [];
  for (const presetId of PRESET_IDS) {
    if (!inForce.has(presetId)) continue;
    for (const rule of PRESETS[presetId].rules) {
      const evaluator = EVALUATORS[rule.id];
      if (evaluator === undefined) throw new Error(`No evaluator for ${rule.id}`);
      const advisory = isAdvisory(rule);
      for (const r of evaluator(rule, ctx)) {
        if (advisory) r.advisory = true; // each result is the evaluator's own new object
        results.push(r);
      }
      yield rule.id;
    }
  }
  applyExemptions(results, ctx);
  return results;
}
