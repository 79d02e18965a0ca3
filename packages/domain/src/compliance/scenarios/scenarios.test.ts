import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine.ts';
import { factsFromLedger, presetsInForceFromLedger } from '../from-ledger.ts';
import type { LedgerDocument } from '../ledger.ts';
import type { ComplianceResult } from '../types.ts';

// Golden ledgers (style.md point 8): one realistic document per preset, evaluated in full. The
// expected results were worked out by hand from the rules, not copied from the engine.
interface Scenario {
  year: number;
  asOf: string;
  document: LedgerDocument;
  expected: Partial<ComplianceResult>[];
}

const KEYS = [
  'rule',
  'cadre',
  'point',
  'org',
  'posting',
  'batch',
  'department',
  'status',
  'actual',
  'required',
] as const;

function key(r: Partial<ComplianceResult>): string {
  const picked: Record<string, unknown> = {};
  for (const k of KEYS) if (r[k] !== undefined && r[k] !== null) picked[k] = r[k];
  return JSON.stringify(picked);
}

const dir = new URL('.', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('scenarios', () => {
  it('has one per preset', () => {
    expect(files.length).toBe(5);
  });

  for (const file of files) {
    it(file, () => {
      const s = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Scenario;
      const facts = factsFromLedger(s.document, { year: s.year, asOf: s.asOf });
      const results = evaluate(facts, {
        year: s.year,
        asOf: s.asOf,
        presetsInForce: presetsInForceFromLedger(s.document),
      });
      expect(results.map(key).sort()).toEqual(s.expected.map(key).sort());
    });
  }
});
