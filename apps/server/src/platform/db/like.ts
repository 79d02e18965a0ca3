/** A LIKE pattern's wildcards taken literally: ids may hold `_` or `%`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** LIKE pattern for "path starts with": the subtree of a materialized path. */
export const subtreePattern = (path: string) => `${escapeLike(path)}%`;
