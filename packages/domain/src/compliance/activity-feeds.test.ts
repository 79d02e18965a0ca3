import {
  activityFacts,
  activityTypes,
  feeds,
  type TActivityFact,
  type TActivityType,
} from '@lianxin/contracts/activity-types';
import { describe, expect, it } from 'vitest';
import type { ComplianceFacts } from './facts.ts';
import { factsFromLedger } from './from-ledger.ts';
import type { LedgerActivity } from './ledger.ts';
import { ledger } from './testing/ledger.ts';

/**
 * The activity registry's `feeds` against the facts the engine reads: a record of each type, alone
 * in a ledger, shows in every fact its type feeds and in no other. A new type gets its sample here;
 * a new fact its place in the facts.
 */
const day = '2026-03-10';
const samples: Record<TActivityType, Omit<LedgerActivity, 'id' | 'cadre'>> = {
  talk: { type: 'talk', date: day, mode: 'face_to_face' },
  visit: { type: 'visit', start: day, end: day, travelDays: 0 },
  online: { type: 'online', date: day, channel: 'wechat' },
  lecture: { type: 'lecture', date: day, audience: 30 },
  event: { type: 'event', date: day, kind: 'social' },
  practical_help: { type: 'practical_help', date: day, outcome: '办成' },
  problem: { type: 'problem', date: day, status: 'open' },
  live_with: { type: 'live_with', start: day, end: day },
  leader_meeting: { type: 'leader_meeting', date: day },
  work_item: { type: 'work_item', title: '项目', status: 'done', date: day },
  case: { type: 'case', date: day, title: '案例' },
  article: { type: 'article', date: day, title: '文章' },
  system: { type: 'system', date: day, title: '制度' },
  research_report: { type: 'research_report', date: day, title: '报告' },
  open_day: { type: 'open_day', date: day, org: 'o-wb', attendees: 60 },
};

/** Where each fact shows the record `id` (or, for counts of months and weeks, that it counted). */
const shows: Record<TActivityFact, (f: ComplianceFacts, id: string) => boolean> = {
  lecture: (f, id) => f.cadres[0]?.lectures.some((d) => d.id === id) ?? false,
  visit: (f, id) => f.cadres[0]?.visits.some((d) => d.id === id) ?? false,
  live_with: (f, id) => f.cadres[0]?.liveWith.some((d) => d.id === id) ?? false,
  face_to_face: (f, id) => f.cadres[0]?.rhythm[0]?.faceToFace.includes(id) ?? false,
  grassroots_day: (f) => (f.cadres[0]?.grassrootsWeeks.length ?? 0) > 0,
  talk: (f) => f.points[0]?.tenure.youthsTalked.includes('y1') ?? false,
  voice: (f) => (f.cadres[0]?.rhythm[0]?.voiceMonths.length ?? 0) > 0,
  event: (f) => (f.cadres[0]?.rhythm[0]?.eventMonths.length ?? 0) > 0,
  channel_use: (f, id) => f.cadres[0]?.channelUses.some((d) => d.id === id) ?? false,
  research_report: (f, id) => f.cadres[0]?.researchReports.some((d) => d.id === id) ?? false,
  problem: (f, id) => f.cadres[0]?.problems.some((d) => d.id === id) ?? false,
  leader_meeting: (f, id) => f.points[0]?.tenure.leaderMeetings.some((d) => d.id === id) ?? false,
  work_item_done: (f, id) => f.points[0]?.year.workItemsDone.includes(id) ?? false,
  practical_help: (f, id) => f.points[0]?.year.practicalHelp.some((d) => d.id === id) ?? false,
  article: (f, id) => f.points[0]?.year.articles.some((d) => d.id === id) ?? false,
  system: (f, id) => f.points[0]?.year.systems.some((d) => d.id === id) ?? false,
  open_day: (f, id) => f.orgs.some((o) => o.openDays.some((d) => d.id === id)),
  posting_case: (f, id) => f.postings[0]?.cases.some((d) => d.id === id) ?? false,
};

function factsOf(sample: Omit<LedgerActivity, 'id' | 'cadre'>): ComplianceFacts {
  const a = { ...sample, id: 'x1', cadre: 'c1', point: 'p1', contacts: ['y1'] } as LedgerActivity;
  const doc = ledger({
    cadres: [{ id: 'c1', org: 'o-bj', rank: 'staff', employment: 'full_time' }],
    contactPoints: [{ id: 'p1', cadre: 'c1', org: 'o-g1', from: '2026-01-01', to: null }],
    contacts: [{ id: 'y1', role: 'youth', of: ['c1'] }],
    postings: [{ id: 's1', cadre: 'c1', batch: 'b1', org: 'o-wb', start: '2026-03-01', end: '2026-06-30' }],
    activities: [a],
  });
  return factsFromLedger(doc, { year: 2026, asOf: '2026-12-31' });
}

describe('the facts fed by each activity type', () => {
  for (const type of activityTypes)
    it(`counts a ${type} in the facts its registry entry names, and in no other`, () => {
      const facts = factsOf(samples[type]);
      for (const fact of Object.keys(activityFacts) as TActivityFact[])
        expect(shows[fact](facts, 'x1'), `${type} → ${fact}`).toBe(feeds(samples[type], fact));
    });

  it('counts a talk by phone as a voice, not as a face-to-face meeting', () => {
    const facts = factsOf({ ...samples.talk, mode: 'phone' });
    expect(shows.voice(facts, 'x1')).toBe(true);
    expect(shows.face_to_face(facts, 'x1')).toBe(false);
    expect(shows.grassroots_day(facts, 'x1')).toBe(false);
  });
});
