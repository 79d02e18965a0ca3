import type { TDeliverableKey, TPostingFigures } from '@lianxin/contracts';
import { ZDeliverableKey } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { postings } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { postingFigures } from './posting-figures.ts';
import { loadPosting } from './postings.access.ts';
import type { PostingView } from './postings.repo.ts';

/** 六个一 of seed 002, and what the log can count towards each (null: only a person can tell). */
const deliverables: Record<
  TDeliverableKey,
  { label: string; evidence: (f: TPostingFigures) => number | null }
> = {
  ledger: { label: '为当地团组织做一本明白帐', evidence: () => null },
  examples: { label: '在实际工作中树一批好典型', evidence: (f) => f.cases.length },
  new_orgs: { label: '在两新组织中建一批团组织', evidence: () => null },
  online: { label: '在网络工作中做一些新尝试', evidence: (f) => f.online },
  friends: { label: '在基层青年中交一批好朋友', evidence: (f) => f.friends },
  practical: { label: '为当地青年办一些实在事', evidence: (f) => f.practical.length },
};

async function deliverableList(p: Platform, v: PostingView) {
  const figures = await postingFigures(p.db, {
    cadreId: v.posting.cadreId,
    fromDate: v.posting.fromDate,
    toDate: v.posting.toDate,
    orgPath: v.orgPath,
  });
  return {
    postingId: v.posting.id,
    items: ZDeliverableKey.options.map((key) => ({
      key,
      label: deliverables[key].label,
      done: v.posting.deliverables[key]?.done ?? false,
      note: v.posting.deliverables[key]?.note ?? null,
      evidence: deliverables[key].evidence(figures),
    })),
  };
}

export async function getDeliverables(p: Platform, actor: Actor, postingId: string) {
  return deliverableList(p, await loadPosting(p, actor, postingId, 'read'));
}

/** The posted cadre reports a deliverable done, or an admin over the posting confirms or withdraws it. */
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
