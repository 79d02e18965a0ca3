import { activityTypeLabels, type TActivityType } from '@lianxin/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Action, type Actor, allowed, type ObjectType } from '../../platform/access/index.ts';
import { rows } from '../../platform/db/client.ts';
import type { Platform } from '../../platform/platform.ts';
import { maskName } from '../contacts/contacts.service.ts';

/** A row a namer's query answers: a name, or parts the formatter puts together. */
type Found = { id: string; name: string | null; youth?: string; type?: string; on?: string | null };

/** The access types that know `read`. */
type Readable = { [T in ObjectType]: 'read' extends Action<T> ? T : never }[ObjectType];

/**
 * How each kind of object in the audit log is named for a reader: one query per kind for a page
 * of rows, and the access type that must grant `read` on the object before its name is shown
 * (kinds only the audit log knows, e.g. a plan, are named through what owns them).
 */
interface Namer {
  access?: Readable;
  query: (list: SQL) => SQL;
}

const namers: Record<string, Namer> = {
  organization: {
    access: 'organization',
    query: (l) => sql`select id, name from organizations where id in ${l}`,
  },
  cadre: { access: 'cadre', query: (l) => sql`select id, name from cadres where id in ${l}` },
  account: {
    access: 'account',
    query: (l) => sql`select a.id, coalesce(c.name || '（' || a.username || '）', a.username) as name
                        from accounts a left join cadres c on c.id = a.cadre_id where a.id in ${l}`,
  },
  // a youth's name is masked (张**): the log is read to see who acted, not to learn about people
  contact: {
    access: 'contact',
    query: (l) => sql`select id, case when role = 'youth' then null else name end as name,
                             case when role = 'youth' then name end as youth
                        from contacts where id in ${l}`,
  },
  contact_point: {
    access: 'contact_point',
    query: (l) => sql`select cp.id, coalesce(c.name, h.name) || ' · ' || o.name as name
                        from contact_points cp join organizations o on o.id = cp.org_id
                        left join cadres c on c.id = cp.cadre_id left join organizations h on h.id = cp.holder_org_id
                       where cp.id in ${l}`,
  },
  activity: {
    access: 'activity',
    query: (l) => sql`select a.id, c.name as name, a.type, a.start_date::text as on
                        from activities a join cadres c on c.id = a.cadre_id where a.id in ${l}`,
  },
  posting_program: {
    access: 'posting_program',
    query: (l) => sql`select id, name from posting_programs where id in ${l}`,
  },
  posting_plan: {
    query: (l) => sql`select pl.id, pr.name || ' 方案' as name
                        from posting_plans pl join posting_programs pr on pr.id = pl.program_id where pl.id in ${l}`,
  },
  posting: {
    access: 'posting',
    query: (l) => sql`select p.id, c.name || ' · ' || o.name as name
                        from postings p join cadres c on c.id = p.cadre_id join organizations o on o.id = p.org_id
                       where p.id in ${l}`,
  },
  assessment: {
    access: 'assessment',
    query: (
      l,
    ) => sql`select a.id, o.name || ' ' || a.year || ' 年度考核' || coalesce(' · ' || a.department, '') as name
                        from assessments a join organizations o on o.id = a.org_id where a.id in ${l}`,
  },
};

/** `张**` for a youth; `李四 · 谈心谈话 · 2026-02-10` for an activity; else the name. */
function nameOf(r: Found): string | null {
  if (r.youth) return maskName(r.youth);
  if (r.type && r.name)
    return [r.name, activityTypeLabels[r.type as TActivityType] ?? r.type, r.on].filter(Boolean).join(' · ');
  return r.name;
}

/**
 * The Chinese name of each object a page of the audit log names, keyed `type:id`: batched per
 * kind, shown only where the reader may read the object, a youth's name masked. An object gone
 * or not readable has no name (the page shows its kind alone).
 */
export async function auditObjectNames(
  p: Platform,
  actor: Actor,
  objects: { type: string | null; id: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const o of objects)
    if (o.type && o.id && namers[o.type]) byType.set(o.type, (byType.get(o.type) ?? new Set()).add(o.id));
  const names = new Map<string, string>();
  for (const [type, idSet] of byType) {
    const namer = namers[type] as Namer;
    let ids = [...idSet];
    if (namer.access) {
      const granted = await allowed(p, actor, namer.access, ids, 'read');
      ids = ids.filter((id) => granted.has(id));
    }
    if (ids.length === 0) continue;
    const found = await rows<Found>(p.db, namer.query(sql`(select unnest(${sql.param(ids)}::text[]))`));
    for (const r of found) {
      const name = nameOf(r);
      if (name) names.set(`${type}:${r.id}`, name);
    }
  }
  return names;
}
