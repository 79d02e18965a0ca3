import { countingDate } from '../activities.ts';
import type { EvaluateOptions, PresetAdoption } from './context.ts';
import { push } from './context.ts';
import type { ComplianceFacts, ContactRef, Filing } from './facts.ts';
import { cadreFacts } from './from-ledger-cadres.ts';
import { orgFacts } from './from-ledger-orgs.ts';
import { pointFacts } from './from-ledger-points.ts';
import { postingFacts } from './from-ledger-postings.ts';
import type { LedgerActivity, LedgerDocument } from './ledger.ts';

/** An activity that counts as of the date: its counting date (a stay's end) is on or before it. */
export interface Counted {
  a: LedgerActivity;
  /** The counting date: a visit or stay belongs to the day (and year) it ends. */
  on: string;
  inYear: boolean;
}

/** The document indexed once, so every fact is a lookup (decision 8's facts, in plain TypeScript). */
export interface LedgerIndex {
  year: number;
  asOf: string;
  yearStart: string;
  doc: LedgerDocument;
  contacts: Map<string, ContactRef>;
  byCadre: Map<string, Counted[]>;
  byPoint: Map<string, Counted[]>;
  filingsByCadre: Map<string, Filing[]>;
  filingsByOrg: Map<string, Filing[]>;
}

const NEEDY_TAGS = ['needy', 'left_behind_child', 'disabled', 'poor_family', 'non_local'];

function index(doc: LedgerDocument, year: number, asOf: string): LedgerIndex {
  const yearStart = `${year}-01-01`;
  const ix: LedgerIndex = {
    year,
    asOf,
    yearStart,
    doc,
    contacts: new Map(),
    byCadre: new Map(),
    byPoint: new Map(),
    filingsByCadre: new Map(),
    filingsByOrg: new Map(),
  };
  for (const c of doc.contacts ?? [])
    ix.contacts.set(c.id, {
      id: c.id,
      role: c.role,
      field: c.field ?? null,
      needy: (c.tags ?? []).some((t) => NEEDY_TAGS.includes(t)),
    });
  for (const a of doc.activities ?? []) {
    // An undated work item counts whenever it is done (the ledger does not say when).
    const on = countingDate(a) ?? asOf;
    if (on > asOf) continue;
    const counted = { a, on, inYear: on >= yearStart };
    push(ix.byCadre, a.cadre, counted);
    if (a.point !== undefined) push(ix.byPoint, a.point, counted);
  }
  for (const f of doc.filings ?? []) {
    if (f.date > asOf) continue;
    const filing: Filing = {
      id: f.id,
      kind: f.kind,
      date: f.date,
      ...(f.department ? { department: f.department } : {}),
    };
    if (f.cadre !== undefined) push(ix.filingsByCadre, f.cadre, filing);
    if (f.org !== undefined) push(ix.filingsByOrg, f.org, filing);
  }
  return ix;
}

/**
 * The facts of a ledger document for one year as of a date (capped at the year's end, decision 9):
 * what the server computes with SQL, computed here in plain TypeScript in one pass per collection.
 */
export function factsFromLedger(doc: LedgerDocument, opts: { year: number; asOf: string }): ComplianceFacts {
  const yearEnd = `${opts.year}-12-31`;
  const asOf = opts.asOf > yearEnd ? yearEnd : opts.asOf;
  const ix = index(doc, opts.year, asOf);
  const points = pointFacts(ix);
  return {
    year: opts.year,
    asOf,
    orgs: orgFacts(ix),
    cadres: cadreFacts(ix),
    points,
    postings: postingFacts(ix, points),
    exemptions: [...(doc.exemptions ?? [])],
    assessments: [...(doc.assessments ?? [])],
  };
}

/** The document's `presets` entries as the adoptions `evaluate` takes. */
export function presetsInForceFromLedger(doc: LedgerDocument): EvaluateOptions['presetsInForce'] {
  return (doc.presets ?? []).map(
    (p): PresetAdoption => ({ preset: p.preset, org: p.org, ...(p.params ? { params: p.params } : {}) }),
  );
}

/** Distinct ids, in first-seen order. */
export function distinct(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}
