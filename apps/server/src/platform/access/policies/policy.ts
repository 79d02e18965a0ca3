import type { Platform } from '../../platform.ts';
import type { Actor } from '../actor.ts';
import type { Action, Grants, ObjectType } from '../types.ts';

export interface PolicyContext {
  p: Platform;
  actor: Actor;
}

/** Decides an action on a batch of objects of one type: the ids granted, each with its basis. */
export type Policy<T extends ObjectType> = (
  ctx: PolicyContext,
  ids: string[],
  action: Action<T>,
) => Promise<Grants>;

/** The grants of `rows` whose test gives a basis (null: refused). */
export function grantWhere<R extends { id: string }>(rows: R[], basis: (row: R) => string | null): Grants {
  const grants: Grants = new Map();
  for (const row of rows) {
    const why = basis(row);
    if (why !== null) grants.set(row.id, why);
  }
  return grants;
}
