import { describe, expect, it } from 'vitest';
import { activityDetails } from './activity-details.ts';
import {
  activityEntry,
  activityFacts,
  activityRegistry,
  activityTypes,
  feedersOf,
  feeds,
  type TActivityFact,
  tileTypes,
} from './activity-types.ts';
import { activityTypeLabels } from './labels.ts';
import { ZLedgerActivity } from './ledger.ts';

describe('the activity registry', () => {
  it('gives every type a label, a tile decision, an icon, a note hint and its facts', () => {
    for (const type of activityTypes) {
      const e = activityEntry(type);
      expect(e.label.trim(), type).not.toBe('');
      expect(['main', 'more', 'none'], type).toContain(e.tile);
      expect(e.icon, type).toMatch(/^[a-z]+$/);
      expect(e.noteHint.trim(), type).not.toBe('');
      expect(Array.isArray(e.feeds), type).toBe(true);
      for (const f of e.feeds)
        expect(Object.keys(activityFacts), type).toContain(typeof f === 'string' ? f : f.fact);
    }
    expect(new Set(activityTypes.map((t) => activityRegistry[t].label)).size).toBe(activityTypes.length);
  });

  it('has a schema for every type and no schema without a type', () => {
    expect(Object.keys(activityDetails).sort()).toEqual([...activityTypes].sort());
    expect(ZLedgerActivity.options.map((o) => o.shape.type.value).sort()).toEqual([...activityTypes].sort());
  });

  it('puts every type on a tile group, and the phone shows every type entered on it', () => {
    const grouped = [...tileTypes('main'), ...tileTypes('more'), ...tileTypes('none')];
    expect(grouped.sort()).toEqual([...activityTypes].sort());
    // 记一笔 shows at most eight big tiles (with 更多…) on a 390-wide phone.
    expect(tileTypes('main').length).toBeLessThanOrEqual(8);
  });

  it('lets no fact go unfed: each is fed by some type', () => {
    for (const fact of Object.keys(activityFacts) as TActivityFact[])
      expect(feedersOf(fact).length, fact).toBeGreaterThan(0);
  });

  it('feeds a conditional fact only from the records that meet the condition', () => {
    expect(feeds({ type: 'talk', mode: 'face_to_face' }, 'face_to_face')).toBe(true);
    expect(feeds({ type: 'talk', mode: 'phone' }, 'face_to_face')).toBe(false);
    expect(feeds({ type: 'talk', mode: 'phone' }, 'voice')).toBe(true);
    expect(feeds({ type: 'work_item', status: 'done' }, 'work_item_done')).toBe(true);
    expect(feeds({ type: 'work_item', status: 'planned' }, 'work_item_done')).toBe(false);
    expect(feeds({ type: 'no_such_type' }, 'visit')).toBe(false);
  });

  it('names the types in Chinese from the registry', () => {
    for (const type of activityTypes) expect(activityTypeLabels[type]).toBe(activityRegistry[type].label);
  });
});
