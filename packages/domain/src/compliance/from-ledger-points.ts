import type { PointFacts } from './facts.ts';
import { type Counted, distinct, type LedgerIndex } from './from-ledger.ts';
import { dated, feeding, stay } from './from-ledger-cadres.ts';

function named(ix: LedgerIndex, list: readonly Counted[]): string[] {
  return distinct(list.flatMap((c) => c.a.contacts ?? [])).filter((id) => ix.contacts.has(id));
}

export function pointFacts(ix: LedgerIndex): PointFacts[] {
  const points = ix.doc.contactPoints ?? [];
  // The successor's row carries the predecessor's handover note (ARCHITECTURE.md, the work ledger).
  const successors = new Map(
    points.filter((p) => p.predecessor !== undefined).map((p) => [p.predecessor, p]),
  );
  const keyOf = new Map<string, Set<string>>();
  for (const c of ix.doc.contacts ?? []) if (c.role === 'youth') keyOf.set(c.id, new Set(c.keyOf ?? []));
  return points.map((p) => {
    const tenure = ix.byPoint.get(p.id) ?? [];
    const year = tenure.filter((c) => c.inYear);
    const successor = successors.get(p.id);
    const holderKeys = named(ix, tenure).filter((id) => p.cadre !== undefined && keyOf.get(id)?.has(p.cadre));
    return {
      id: p.id,
      cadre: p.cadre ?? null,
      holderOrg: p.holderOrg ?? null,
      org: p.org,
      from: p.from,
      to: p.to,
      category: p.category ?? null,
      topic: p.topic ?? null,
      showcase: p.showcase ?? false,
      registeredOn: p.registeredOn ?? null,
      successor: successor?.id ?? null,
      handoverNote: (successor?.handoverNote ?? '').trim() !== '',
      tenure: {
        liveWith: feeding(tenure, 'live_with').map(stay),
        lectures: feeding(tenure, 'lecture').map(dated),
        leaderMeetings: feeding(tenure, 'leader_meeting').map(dated),
        youthsTalked: named(ix, feeding(tenure, 'talk')).filter(
          (id) => ix.contacts.get(id)?.role === 'youth',
        ),
        keyYouths: holderKeys.map((id) => ix.contacts.get(id)).filter((c) => c !== undefined),
      },
      year: {
        visits: feeding(year, 'visit').map(stay),
        liveWith: feeding(year, 'live_with').map(stay),
        // A done work item counts in the year of its date; an undated one whenever it is done.
        workItemsDone: feeding(year, 'work_item_done').map((c) => c.a.id),
        practicalHelp: feeding(year, 'practical_help').map(dated),
        youthsHelped: named(ix, feeding(year, 'practical_help')),
        articles: feeding(year, 'article').map(dated),
        systems: feeding(year, 'system').map(dated),
      },
    };
  });
}
