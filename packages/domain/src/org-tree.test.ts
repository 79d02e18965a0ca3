import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  type ChainLink,
  canPlaceUnder,
  childPath,
  countyOf,
  isInSubtree,
  moveWouldCycle,
  nearestOfLevel,
  pathIds,
  prefectureOf,
} from './org-tree.ts';

describe('canPlaceUnder', () => {
  it('allows the regular chain 团中央 → 省 → 市 → 县', () => {
    expect(canPlaceUnder('central', null)).toBeNull();
    expect(canPlaceUnder('province', 'central')).toBeNull();
    expect(canPlaceUnder('prefecture', 'province')).toBeNull();
    expect(canPlaceUnder('county', 'prefecture')).toBeNull();
  });

  it('allows a county directly under a province (直辖市 districts, 省直辖县)', () => {
    expect(canPlaceUnder('county', 'province')).toBeNull();
  });

  it('allows grassroots under every level, including grassroots (基层团委 → 团总支 → 团支部)', () => {
    for (const parent of ['central', 'province', 'prefecture', 'county', 'grassroots'] as const) {
      expect(canPlaceUnder('grassroots', parent)).toBeNull();
    }
  });

  it('refuses a parent for the central committee', () => {
    expect(canPlaceUnder('central', 'province')?.code).toBe('central_has_parent');
  });

  it('refuses a root that is not the central committee', () => {
    const error = canPlaceUnder('province', null);
    expect(error?.code).toBe('parent_required');
    expect(error?.zh).toContain('省级团委');
  });

  it('refuses skipped or inverted levels and names the allowed parents in both languages', () => {
    expect(canPlaceUnder('prefecture', 'central')?.code).toBe('parent_level_not_allowed');
    expect(canPlaceUnder('county', 'central')?.code).toBe('parent_level_not_allowed');
    expect(canPlaceUnder('county', 'county')?.code).toBe('parent_level_not_allowed');
    expect(canPlaceUnder('province', 'province')?.code).toBe('parent_level_not_allowed');
    const error = canPlaceUnder('county', 'grassroots');
    expect(error?.zh).toContain('地市级团委或省级团委');
    expect(error?.en).toContain('prefecture or province');
  });
});

describe('materialized paths', () => {
  const root = childPath(null, 'central');
  const shaanxi = childPath(root, 'div-610000');
  const baoji = childPath(shaanxi, 'div-610300');
  const weibin = childPath(baoji, 'div-610302');

  it('builds paths with a leading and trailing slash', () => {
    expect(root).toBe('/central/');
    expect(weibin).toBe('/central/div-610000/div-610300/div-610302/');
  });

  it('refuses ids that would corrupt the path', () => {
    expect(() => childPath(root, 'a/b')).toThrow();
    expect(() => childPath(root, '')).toThrow();
    expect(() => childPath('/central', 'x')).toThrow();
  });

  it('lists ancestors root first, without the organization itself', () => {
    expect(ancestorIds(weibin)).toEqual(['central', 'div-610000', 'div-610300']);
    expect(ancestorIds(root)).toEqual([]);
    expect(pathIds(baoji)).toEqual(['central', 'div-610000', 'div-610300']);
  });

  it('counts an organization in its own subtree and its descendants, not its ancestors', () => {
    expect(isInSubtree(baoji, baoji)).toBe(true);
    expect(isInSubtree(weibin, shaanxi)).toBe(true);
    expect(isInSubtree(shaanxi, baoji)).toBe(false);
  });

  it('does not confuse an id with another that starts the same way', () => {
    const b = childPath(root, 'b');
    const bc = childPath(root, 'bc');
    expect(isInSubtree(childPath(bc, 'x'), b)).toBe(false);
  });

  it('throws rather than compare a path without its trailing slash', () => {
    expect(() => isInSubtree('/central/bc/', '/central/b')).toThrow(/Malformed/);
  });

  it('detects a cycle when moving under itself, a child or a grandchild', () => {
    expect(moveWouldCycle(shaanxi, shaanxi)).toBe(true);
    expect(moveWouldCycle(shaanxi, baoji)).toBe(true);
    expect(moveWouldCycle(shaanxi, weibin)).toBe(true);
  });

  it('allows moving under a sibling, an ancestor or a similarly named org', () => {
    const gansu = childPath(root, 'div-620000');
    expect(moveWouldCycle(baoji, gansu)).toBe(false);
    expect(moveWouldCycle(weibin, shaanxi)).toBe(false);
    expect(moveWouldCycle(childPath(root, 'div-61'), shaanxi)).toBe(false);
  });
});

describe('nearestOfLevel (decision 3)', () => {
  const central: ChainLink = { id: 'central', level: 'central' };
  const beijing: ChainLink = { id: 'div-110000', level: 'province' };
  const dongcheng: ChainLink = { id: 'div-110101', level: 'county' };
  const shaanxi: ChainLink = { id: 'div-610000', level: 'province' };
  const baoji: ChainLink = { id: 'div-610300', level: 'prefecture' };
  const weibin: ChainLink = { id: 'div-610302', level: 'county' };

  it('finds the nearest prefecture above a nested grassroots unit', () => {
    const branch: ChainLink = { id: 'branch', level: 'grassroots' };
    const school: ChainLink = { id: 'school', level: 'grassroots' };
    const chain = [branch, school, weibin, baoji, shaanxi, central];
    expect(prefectureOf(chain)).toBe(baoji);
    expect(countyOf(chain)).toBe(weibin);
    expect(nearestOfLevel(chain, 'grassroots')).toBe(branch);
  });

  it('returns the organization itself when it has the level', () => {
    expect(prefectureOf([baoji, shaanxi, central])).toBe(baoji);
    expect(countyOf([weibin, baoji, shaanxi, central])).toBe(weibin);
  });

  it('lets the province stand in for the prefecture of a municipality district', () => {
    const point: ChainLink = { id: 'point', level: 'grassroots' };
    expect(prefectureOf([point, dongcheng, beijing, central])).toBe(beijing);
    expect(prefectureOf([dongcheng, beijing, central])?.id).toBe(prefectureOf([beijing, central])?.id);
  });

  it('has no stand-in for the county of a unit directly under a city', () => {
    const cityUnit: ChainLink = { id: 'unit', level: 'grassroots' };
    expect(countyOf([cityUnit, baoji, shaanxi, central])).toBeNull();
  });

  it('gives the central committee no prefecture', () => {
    expect(prefectureOf([central])).toBeNull();
  });
});
