import type { TLedgerDocument } from '@lianxin/contracts';
import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations, orgFilings, secretaryVacancies } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import { bulkWrite, chunks } from './ledger.repo.ts';

/**
 * The interchange's optional parts beside the core (docs/interchange.md): an organization's
 * `secretaryVacancies` (stored in `secretary_vacancies`, the post marked tracked) and the top-level
 * `filings` (an organization's reports, `org_filings`). A point's `registeredOn` is a column of the
 * point and travels with it. Import plans and writes them here; export adds them to the document.
 */

type Span = { from: string; to: string | null };
type Status = 'created' | 'updated' | 'unchanged';
const sameSpans = (a: Span[], b: Span[]) => JSON.stringify(a) === JSON.stringify(b);

/** The half of the year a report belongs to, read from its date (the city's deadlines are 06-30 and 12-31). */
export const halfOf = (date: string) => (date.slice(5) <= '06-30' ? 1 : 2);

export interface PartsPlan {
  vacancies: { orgId: string; spans: Span[] }[];
  filings: (typeof orgFilings.$inferInsert)[];
}

export async function planParts(
  db: Db,
  doc: TLedgerDocument,
  opts: {
    actorName: string;
    parentOf: (orgId: string) => string | null;
    touch: (orgId: string) => void;
    tally: (collection: 'filings', s: Status) => void;
  },
): Promise<PartsPlan> {
  const tracked = doc.organizations.filter((o) => o.secretaryVacancies !== undefined);
  const now = await vacanciesOf(
    db,
    tracked.map((o) => o.id),
  );
  const vacancies: PartsPlan['vacancies'] = [];
  for (const o of tracked) {
    const spans = (o.secretaryVacancies ?? []).map((v) => ({ from: v.from, to: v.to }));
    const have = now.get(o.id);
    if (have && sameSpans(have, spans)) continue;
    vacancies.push({ orgId: o.id, spans });
    opts.touch(o.id);
  }

  const docFilings = doc.filings ?? [];
  const existing = new Map<string, typeof orgFilings.$inferSelect>();
  for (const chunk of chunks(docFilings.map((f) => f.id)))
    for (const r of await db.select().from(orgFilings).where(inArray(orgFilings.id, chunk)))
      existing.set(r.id, r);
  const filings: PartsPlan['filings'] = [];
  for (const f of docFilings) {
    const had = existing.get(f.id);
    if (had && had.orgId === f.org && had.kind === f.kind && had.firstSubmittedOn === f.date) {
      opts.tally('filings', 'unchanged');
      continue;
    }
    opts.tally('filings', had ? 'updated' : 'created');
    opts.touch(f.org);
    if (had) opts.touch(had.orgId);
    // a report imported is one submitted on its date; what the product holds beside (text, file, review) stays
    filings.push({
      id: f.id,
      orgId: f.org,
      toOrgId: had?.toOrgId ?? opts.parentOf(f.org),
      kind: f.kind,
      year: Number(f.date.slice(0, 4)),
      half: halfOf(f.date),
      status: had?.status ?? 'submitted',
      firstSubmittedOn: f.date,
      submittedOn: had?.submittedOn ?? f.date,
      updatedBy: had?.updatedBy ?? opts.actorName,
    });
  }
  return { vacancies, filings };
}

export async function writeParts(tx: Db, plan: PartsPlan) {
  for (const v of plan.vacancies) {
    await tx.update(organizations).set({ secretaryTracked: true }).where(eq(organizations.id, v.orgId));
    await tx.delete(secretaryVacancies).where(eq(secretaryVacancies.orgId, v.orgId));
    if (v.spans.length > 0)
      await tx
        .insert(secretaryVacancies)
        .values(v.spans.map((s) => ({ orgId: v.orgId, fromDate: s.from, toDate: s.to })));
  }
  await bulkWrite(tx, orgFilings, plan.filings);
}

/** The vacancies of the tracked posts among `orgIds`, oldest first; an untracked post is absent. */
export async function vacanciesOf(db: Db, orgIds: string[]): Promise<Map<string, Span[]>> {
  const out = new Map<string, Span[]>();
  for (const chunk of chunks(orgIds)) {
    const trackedRows = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(inArray(organizations.id, chunk), eq(organizations.secretaryTracked, true)));
    for (const r of trackedRows) out.set(r.id, []);
    const spans = await db
      .select()
      .from(secretaryVacancies)
      .where(inArray(secretaryVacancies.orgId, chunk))
      .orderBy(asc(secretaryVacancies.orgId), asc(secretaryVacancies.fromDate));
    for (const s of spans) out.get(s.orgId)?.push({ from: s.fromDate, to: s.toDate });
  }
  return out;
}

/**
 * Adds the optional parts of the subtree at `rootPath` to an exported document: vacancies on its
 * tracked organizations, and the reports its organizations filed (drafts are not filed yet).
 */
export async function exportParts(db: Db, doc: TLedgerDocument, rootPath: string) {
  const inSubtree = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(like(organizations.path, subtreePattern(rootPath)));
  const ids = new Set(inSubtree.map((o) => o.id));
  const spans = await vacanciesOf(
    db,
    doc.organizations.filter((o) => ids.has(o.id)).map((o) => o.id),
  );
  for (const o of doc.organizations) {
    const s = spans.get(o.id);
    if (s) o.secretaryVacancies = s;
  }
  const filed = await db
    .select({
      id: orgFilings.id,
      kind: orgFilings.kind,
      org: orgFilings.orgId,
      date: orgFilings.firstSubmittedOn,
    })
    .from(orgFilings)
    .innerJoin(organizations, eq(organizations.id, orgFilings.orgId))
    .where(and(like(organizations.path, subtreePattern(rootPath)), isNotNull(orgFilings.firstSubmittedOn)));
  if (filed.length > 0)
    doc.filings = filed
      .map((f) => ({ id: f.id, kind: f.kind as 'half_year_report', org: f.org, date: f.date as string }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
