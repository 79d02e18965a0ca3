import type { TComplianceResult } from '@lianxin/contracts';
import { evaluate, factsFromLedger, type LedgerDocument, presetsInForceFromLedger } from '@lianxin/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, systemActor, type TestContext } from '../../testing/index.ts';
import { importLedger } from '../ledger/ledger.import.ts';
import { boundaryLedger, sorted } from './compliance.fixture.ts';
import { complianceEvidence, evaluateCounts } from './compliance.service.ts';

// The boundary ledger the other equivalence tests share. (The domain's golden scenarios carry
// filings and postings the ledger import does not take, so they cannot be imported here.)
const document = boundaryLedger() as unknown as LedgerDocument;
const worlds = [
  { name: 'mid-year', year: 2026, asOf: '2026-06-30', document },
  { name: 'the year end', year: 2026, asOf: '2026-12-31', document },
] as { name: string; year: number; asOf: string; document: LedgerDocument }[];

const bare = ({ evidence: _e, detail: _d, ...r }: TComplianceResult) => r;
const subjectOf = (r: TComplianceResult) => ({
  cadre: r.cadre ?? undefined,
  point: r.point ?? undefined,
  subjectOrg: r.org ?? undefined,
});

let ctx: TestContext | undefined;
afterAll(() => ctx?.close());

describe.each(worlds)(
  'the count-only evaluation of the boundary ledger at $name',
  ({ year, asOf, document }) => {
    const onLedger = () =>
      evaluate(factsFromLedger(document, { year, asOf }), {
        year,
        asOf,
        presetsInForce: presetsInForceFromLedger(document),
      }) as TComplianceResult[];

    it('counts what factsFromLedger counts, and lists one subject at a time as it does', async () => {
      await ctx?.close();
      ctx = await createTestContext();
      await importLedger(ctx.p, systemActor, document);
      const expected = sorted(onLedger());
      const counts = await evaluateCounts(ctx.p, systemActor, { year, asOf });
      expect(sorted(counts.results).map(bare)).toEqual(expected.map(bare));
      expect(counts.results.every((r) => r.evidence?.length === 0)).toBe(true);
      // every subject's evidence and detail, fetched as the records drawer does
      const subjects = new Map(expected.map((r) => [JSON.stringify(subjectOf(r)), subjectOf(r)]));
      for (const subject of subjects.values()) {
        const answer = await complianceEvidence(ctx.p, systemActor, { year, asOf, ...subject });
        const mine = expected.filter((r) => JSON.stringify(subjectOf(r)) === JSON.stringify(subject));
        expect(sorted(answer.results), JSON.stringify(subject)).toEqual(mine);
      }
    }, 120_000);
  },
);
