import { and, inArray, like, or } from 'drizzle-orm';
import { type Actor, canOnOrg } from '../../platform/access/index.ts';
import { organizations } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { type OrgRow, subtreePattern } from '../organizations/organizations.repo.ts';

/**
 * Resolves the organizations a sheet names (by id or full name) inside one subtree, in one query.
 * Returns a function giving the organization or the reason it cannot be used.
 */
export async function orgResolver(p: Platform, actor: Actor, root: OrgRow, texts: string[]) {
  const wanted = [...new Set(texts)];
  const found = wanted.length
    ? await p.db
        .select()
        .from(organizations)
        .where(
          and(
            like(organizations.path, subtreePattern(root.path)),
            or(inArray(organizations.id, wanted), inArray(organizations.name, wanted)),
          ),
        )
    : [];
  return (text: string): OrgRow | string => {
    const byId = found.find((o) => o.id === text);
    const matches = byId ? [byId] : found.filter((o) => o.name === text);
    if (matches.length === 0)
      return `在「${root.name}」及其下级中找不到名为「${text}」的组织 / organization not found`;
    if (matches.length > 1)
      return `「${text}」有 ${matches.length} 个同名组织（编号 ${matches.map((o) => o.id).join('、')}），请改填组织编号 / name is ambiguous, give the id`;
    const org = matches[0] as OrgRow;
    if (org.closedOn) return '该组织已撤销 / organization is closed';
    if (!canOnOrg(actor, org.path, 'write')) return '无权在该组织下录入 / no write access';
    return org;
  };
}
