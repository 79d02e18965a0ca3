import type { TDeliverableKey, TPostingFigures } from '@lianxin/contracts';
import { ZDeliverableKey } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { postings } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { ledgerSectionsKept, newOrgsFounded } from './deliverable-evidence.ts';
import { postingFigures } from './posting-figures.ts';
import { loadPosting } from './postings.access.ts';
import type { PostingView } from './postings.repo.ts';

type Evidence = { figures: TPostingFigures; ledger: string[]; newOrgs: string[] };
const dated = (items: { date: string | null; text: string }[]) =>
  items.map((i) => (i.date ? `${i.text}（${i.date}）` : i.text));

/** 六个一 of seed 002, each counted from the records (docs/policy-rules.md says from which). */
const deliverables: Record<TDeliverableKey, { label: string; evidence: (e: Evidence) => string[] | number }> =
  {
    ledger: { label: '为当地团组织做一本明白帐', evidence: (e) => e.ledger },
    examples: { label: '在实际工作中树一批好典型', evidence: (e) => dated(e.figures.cases) },
    new_orgs: { label: '在两新组织中建一批团组织', evidence: (e) => e.newOrgs },
    online: { label: '在网络工作中做一些新尝试', evidence: (e) => e.figures.online },
    // youths are counted, never named here: the list would name minors (decision 16)
    friends: { label: '在基层青年中交一批好朋友', evidence: (e) => e.figures.friends },
    practical: { label: '为当地青年办一些实在事', evidence: (e) => dated(e.figures.practical) },
  };

async function deliverableList(p: Platform, v: PostingView) {
  const span = {
    cadreId: v.posting.cadreId,
    fromDate: v.posting.fromDate,
    toDate: v.posting.toDate,
    orgPath: v.orgPath,
  };
  const [figures, ledger, newOrgs] = await Promise.all([
    postingFigures(p.db, span),
    ledgerSectionsKept(p.db, span),
    newOrgsFounded(p.db, span),
  ]);
  return {
    postingId: v.posting.id,
    items: ZDeliverableKey.options.map((key) => {
      const found = deliverables[key].evidence({ figures, ledger, newOrgs });
      const evidence = typeof found === 'number' ? found : found.length;
      const marked = v.posting.deliverables[key]?.done ?? false;
      return {
        key,
        label: deliverables[key].label,
        done: evidence > 0 || marked,
        marked,
        note: v.posting.deliverables[key]?.note ?? null,
        evidence,
        evidenceItems: typeof found === 'number' ? [] : found,
      };
    }),
  };
}

export async function getDeliverables(p: Platform, actor: Actor, postingId: string) {
  return deliverableList(p, await loadPosting(p, actor, postingId, 'read'));
}

/**
 * The posted cadre confirms a deliverable the log holds nothing of (work kept outside the product),
 * or an admin over the posting confirms or withdraws that confirmation.
 */
export async function markDeliverable(
  p: Platform,
  actor: Actor,
  postingId: string,
  key: TDeliverableKey,
  mark: { done: boolean; note?: string | null },
) {
  const v = await loadPosting(p, actor, postingId, 'act');
  const before = v.posting.deliverables[key] ?? null;
  const next = { ...v.posting.deliverables, [key]: { done: mark.done, note: mark.note ?? null } };
  await inTransaction(p, async (tx) => {
    await tx.update(postings).set({ deliverables: next }).where(eq(postings.id, postingId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting.deliverable',
      objectType: 'posting',
      objectId: postingId,
      before: { [key]: before },
      after: { [key]: next[key] },
      ip: actor.ip,
    });
  });
  return deliverableList(p, { ...v, posting: { ...v.posting, deliverables: next } });
}
