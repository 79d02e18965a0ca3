import type { Coded } from './bilingual.ts';

/** 团中央 → 省级团委 → 地市级团委 → 县级团委 → 基层团组织 */
export const ORG_LEVELS = ['central', 'province', 'prefecture', 'county', 'grassroots'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export type PlacementErrorCode = 'central_has_parent' | 'parent_required' | 'parent_level_not_allowed';
export type PlacementError = Coded<PlacementErrorCode>;

const LEVEL_ZH: Record<OrgLevel, string> = {
  central: '团中央',
  province: '省级团委',
  prefecture: '地市级团委',
  county: '县级团委',
  grassroots: '基层团组织',
};

// County committees of municipalities and 省直辖县 (e.g. 济源) have no prefecture above them
// (decision 2). Grassroots nests in itself: 基层团委 → 团总支 → 团支部, and 直属 units hang from
// any committee.
const ALLOWED_PARENTS: Record<Exclude<OrgLevel, 'central'>, readonly OrgLevel[]> = {
  province: ['central'],
  prefecture: ['province'],
  county: ['prefecture', 'province'],
  grassroots: ORG_LEVELS,
};

/** Whether an organization of `childLevel` may sit under one of `parentLevel` (null = tree root). */
export function canPlaceUnder(childLevel: OrgLevel, parentLevel: OrgLevel | null): PlacementError | null {
  if (childLevel === 'central') {
    return parentLevel === null
      ? null
      : {
          code: 'central_has_parent',
          zh: '团中央是组织树的根，不能有上级组织',
          en: 'The central committee is the root of the tree and cannot have a parent',
        };
  }
  if (parentLevel === null) {
    return {
      code: 'parent_required',
      zh: `${LEVEL_ZH[childLevel]}必须有上级组织`,
      en: `A ${childLevel} organization needs a parent`,
    };
  }
  const allowed = ALLOWED_PARENTS[childLevel];
  if (allowed.includes(parentLevel)) return null;
  return {
    code: 'parent_level_not_allowed',
    zh: `${LEVEL_ZH[childLevel]}不能设在${LEVEL_ZH[parentLevel]}之下，上级应为${allowed.map((l) => LEVEL_ZH[l]).join('或')}`,
    en: `A ${childLevel} organization cannot sit under a ${parentLevel} one; its parent must be ${allowed.join(' or ')}`,
  };
}

/**
 * Materialized path (物化路径): `/central/div-610000/div-610300/`, root first and the organization
 * itself last. Both slashes are kept so that a prefix test never confuses `/a/b/` with `/a/bc/`,
 * which is why malformed paths throw instead of being compared.
 */
export type OrgPath = string;

function assertId(id: string): void {
  if (id === '' || id.includes('/'))
    throw new Error(`Invalid organization id for a path: ${JSON.stringify(id)}`);
}

function assertPath(path: string): void {
  if (!/^\/(?:[^/]+\/)+$/.test(path)) throw new Error(`Malformed organization path: ${JSON.stringify(path)}`);
}

/** Path of `id` placed under `parentPath`; null makes it a root (`/central/`). */
export function childPath(parentPath: OrgPath | null, id: string): OrgPath {
  assertId(id);
  if (parentPath === null) return `/${id}/`;
  assertPath(parentPath);
  return `${parentPath}${id}/`;
}

/** Every id on the path, root first, the organization itself last. */
export function pathIds(path: OrgPath): string[] {
  assertPath(path);
  return path.slice(1, -1).split('/');
}

/** Ids above the organization, root first; the organization itself is not included. */
export function ancestorIds(path: OrgPath): string[] {
  return pathIds(path).slice(0, -1);
}

/** True when `path` is `ancestorPath` itself or below it: an admin's scope includes their own org. */
export function isInSubtree(path: OrgPath, ancestorPath: OrgPath): boolean {
  assertPath(path);
  assertPath(ancestorPath);
  return path.startsWith(ancestorPath);
}

/** Moving an organization under itself or one of its descendants would detach a loop from the tree. */
export function moveWouldCycle(movingPath: OrgPath, newParentPath: OrgPath): boolean {
  return isInSubtree(newParentPath, movingPath);
}

export interface ChainLink {
  readonly id: string;
  readonly level: OrgLevel;
}

/**
 * The organization itself or its nearest ancestor of `level`, given the chain from the org up to
 * the root. Asked for a prefecture where none is above (直辖市 districts, 省直辖县, units directly
 * under a province), the province stands in (decision 3): all Beijing districts are "the same city".
 */
export function nearestOfLevel<T extends ChainLink>(chain: readonly T[], level: OrgLevel): T | null {
  const exact = chain.find((link) => link.level === level);
  if (exact !== undefined) return exact;
  if (level === 'prefecture') return chain.find((link) => link.level === 'province') ?? null;
  return null;
}

/** 所属地市 for rules that compare cities; a province stands in where no prefecture exists. */
export function prefectureOf<T extends ChainLink>(chain: readonly T[]): T | null {
  return nearestOfLevel(chain, 'prefecture');
}

/** 所属县区; null for organizations above county level or hanging directly from a city or province. */
export function countyOf<T extends ChainLink>(chain: readonly T[]): T | null {
  return nearestOfLevel(chain, 'county');
}
