import type { TComplianceCadres } from '@lianxin/contracts';
import type { Actor } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { listCadres, toCadreDto } from '../cadres/cadres.repo.ts';
import { listChildren } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';

// A province holds about 10,000 cadres (issue 4): one page of all of them is still a small answer.
const ALL = 100_000;

/** The cadres of a subtree the actor reads, each with the branch of `org` it sits under. */
export async function subtreeCadres(p: Platform, actor: Actor, orgId?: string): Promise<TComplianceCadres> {
  const id = orgId ?? actor.scopeOrgId;
  if (!id)
    throw badRequest('Name an organization (org)', '请指定组织', [
      { path: 'org', message: '必填 / required' },
    ]);
  const org = await loadOrg(p, actor, id, 'read');
  const [children, cadres] = await Promise.all([
    listChildren(p.db, org.id, false),
    listCadres(p.db, { orgPath: org.path, page: 1, pageSize: ALL }),
  ]);
  return {
    org: { id: org.id, name: org.name },
    branches: children.map((c) => ({ id: c.id, name: c.name })),
    items: cadres.items.map((row) => {
      const c = toCadreDto(row);
      // paths are `/…/org/child/…/`: the first id after the organization's own path
      const branch = row.orgPath.slice(org.path.length).split('/')[0];
      return {
        id: c.id,
        name: c.name,
        orgId: c.orgId,
        orgName: c.orgName,
        department: c.department,
        rank: c.rank,
        employment: c.employment,
        branchId: branch || null,
      };
    }),
  };
}
