import type { TOrgLevel } from '@lianxin/contracts';

const ORDER: TOrgLevel[] = ['central', 'province', 'prefecture', 'county', 'grassroots'];

/** Levels a child of `parent` may have: any level below it; under grassroots, grassroots again. */
export function childLevels(parent: TOrgLevel): TOrgLevel[] {
  const below = ORDER.slice(ORDER.indexOf(parent) + 1);
  return below.length > 0 ? below : ['grassroots'];
}
