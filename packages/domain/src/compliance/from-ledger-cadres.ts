import { feeds, type TActivityFact } from '@lianxin/contracts/activity-types';
import { onSiteDays } from '../activities.ts';
import { push } from './context.ts';
import { addDays, mondayOf, monthOf } from './dates.ts';
import type { CadreFacts, ContactRef, ContactRhythm, Dated, StayFact } from './facts.ts';
import { type Counted, distinct, type LedgerIndex } from './from-ledger.ts';

const CHANNELS = ['wechat', 'qq', 'weibo'];
const CADRE_FILINGS = ['task_list', 'midyear_report', 'research_topic'];

/** The records that feed a fact, as the activity registry says (`feeds` of each type). */
export function feeding(list: readonly Counted[], fact: TActivityFact): Counted[] {
  return list.filter((c) => feeds(c.a, fact));
}

export function stay(c: Counted): StayFact {
  const { a } = c;
  return {
    id: a.id,
    point: a.point ?? null,
    start: a.start ?? c.on,
    end: c.on,
    // 在途时间不计: travel days are not on-site days.
    onSiteDays: onSiteDays({ start: a.start ?? c.on, end: c.on, travelDays: a.travelDays ?? 0 }),
  };
}

export function dated(c: Counted): Dated {
  return { id: c.a.id, date: c.on };
}

function contactsOfRole(ix: LedgerIndex, list: readonly Counted[], role: ContactRef['role']): string[] {
  return distinct(list.flatMap((c) => c.a.contacts ?? [])).filter((id) => ix.contacts.get(id)?.role === role);
}

/** Mondays in the year of the weeks holding a day among grassroots youth (4+1). */
function grassrootsWeeks(ix: LedgerIndex, year: readonly Counted[]): string[] {
  const weeks = new Set<string>();
  for (const c of year) {
    const { a } = c;
    if (!feeds(a, 'grassroots_day')) continue;
    const last = mondayOf(c.on);
    for (let m = mondayOf(a.start ?? c.on); m <= last; m = addDays(m, 7)) if (m >= ix.yearStart) weeks.add(m);
  }
  return [...weeks].sort();
}

function rhythm(kept: readonly ContactRef[], year: readonly Counted[]): ContactRhythm[] {
  const byContact = new Map<string, ContactRhythm>(
    kept.map((k) => [k.id, { contact: k.id, voiceMonths: [], eventMonths: [], faceToFace: [] }]),
  );
  for (const { a, on } of year)
    for (const id of a.contacts ?? []) {
      const r = byContact.get(id);
      if (r === undefined) continue;
      // 日常有声音, 每季有活动, 每年有面对面交流: the registry's `voice`, `event` and `face_to_face`.
      if (feeds(a, 'voice') && !r.voiceMonths.includes(monthOf(on))) r.voiceMonths.push(monthOf(on));
      if (feeds(a, 'event') && !r.eventMonths.includes(monthOf(on))) r.eventMonths.push(monthOf(on));
      if (feeds(a, 'face_to_face')) r.faceToFace.push(a.id);
    }
  return [...byContact.values()].map((r) => ({
    ...r,
    voiceMonths: r.voiceMonths.sort((x, y) => x - y),
    eventMonths: r.eventMonths.sort((x, y) => x - y),
  }));
}

export function cadreFacts(ix: LedgerIndex): CadreFacts[] {
  const kept = new Map<string, ContactRef[]>();
  const keyed = new Map<string, ContactRef[]>();
  for (const c of ix.doc.contacts ?? []) {
    const ref = ix.contacts.get(c.id) as ContactRef;
    for (const cadre of c.of) push(kept, cadre, ref);
    for (const cadre of c.keyOf ?? []) push(keyed, cadre, ref);
  }
  return (ix.doc.cadres ?? []).map((cadre) => {
    const year = (ix.byCadre.get(cadre.id) ?? []).filter((c) => c.inYear);
    const ofType = (fact: TActivityFact) => feeding(year, fact);
    const contactsKept = kept.get(cadre.id) ?? [];
    return {
      id: cadre.id,
      org: cadre.org,
      rank: cadre.rank,
      employment: cadre.employment,
      grassrootsYears: cadre.grassrootsYears ?? null,
      probationEndsOn: cadre.probationEndsOn ?? null,
      department: cadre.department ?? null,
      lectures: ofType('lecture').map(dated),
      visits: ofType('visit').map(stay),
      liveWith: ofType('live_with').map(stay),
      youthsFaceToFace: contactsOfRole(ix, ofType('face_to_face'), 'youth'),
      leagueCadresTalked: contactsOfRole(ix, ofType('talk'), 'league_cadre'),
      researchReports: ofType('research_report').map(dated),
      filings: (ix.filingsByCadre.get(cadre.id) ?? []).filter(
        (f) => f.date >= ix.yearStart && CADRE_FILINGS.includes(f.kind),
      ),
      channelUses: ofType('channel_use')
        .filter((c) => CHANNELS.includes(c.a.channel ?? ''))
        .map((c) => ({ id: c.a.id, date: c.on, channel: c.a.channel as string })),
      rhythm: rhythm(contactsKept, year),
      grassrootsWeeks: grassrootsWeeks(ix, year),
      problems: ofType('problem').map((c) => ({
        id: c.a.id,
        date: c.on,
        status: (c.a.status ?? 'open') as CadreFacts['problems'][number]['status'],
        followedOn: firstOf(c.a.passedOn, c.a.repliedOn),
      })),
      contactsKept,
      keyContacts: keyed.get(cadre.id) ?? [],
    };
  });
}

/** The earlier of two optional dates, or null when neither is given. */
function firstOf(a: string | undefined, b: string | undefined): string | null {
  if (a === undefined) return b ?? null;
  return b === undefined || a <= b ? a : b;
}
