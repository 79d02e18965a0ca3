import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { contactKeepers, contacts } from '../src/platform/db/schema.ts';
import type { Platform } from '../src/platform/platform.ts';
import { Client, makeAccount, makeCadre, makeOrg } from '../src/testing/index.ts';
import { timed } from './timing.ts';

const INSERTS = 500;

export const BENCH_PEOPLE = ['bench-y1', 'bench-y2'];

/** A county under `central` with cadre 压测干部 (account `bench-cadre`) keeping two youths. */
export async function benchCadre(p: Platform) {
  await makeOrg(p, { id: 'bench-county', level: 'county', parent: 'central' });
  const cadre = await makeCadre(p, { orgId: 'bench-county', name: '压测干部' });
  await makeAccount(p, {
    username: 'bench-cadre',
    role: 'cadre',
    scopeOrgId: 'bench-county',
    cadreId: cadre.id,
  });
  await p.db.insert(contacts).values(BENCH_PEOPLE.map((id) => ({ id, name: '青年', role: 'youth' })));
  await p.db
    .insert(contactKeepers)
    .values(BENCH_PEOPLE.map((contactId) => ({ contactId, cadreId: cadre.id })));
  return cadre;
}

/** A cadre records a talk with two contacts: through the API, and the same rows by raw SQL. */
export async function benchActivityInserts(p: Platform, app: FastifyInstance) {
  const cadre = await benchCadre(p);
  const people = BENCH_PEOPLE;
  const client = new Client(app);
  await client.login('bench-cadre');

  const api = await timed(INSERTS, async () => {
    const res = await client.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-05-01',
      mode: 'face_to_face',
      contacts: people,
    });
    if (res.statusCode !== 201) throw new Error(`activity insert: ${res.statusCode} ${res.body}`);
  });
  const raw = await timed(INSERTS, () =>
    p.db.transaction(async (tx) => {
      const id = crypto.randomUUID();
      await tx.execute(
        sql`insert into activities (id, cadre_id, type, start_date, end_date, details) values (${id}, ${cadre.id}, 'talk', '2026-05-01', '2026-05-01', '{"mode":"face_to_face"}')`,
      );
      await tx.execute(sql`insert into activity_contacts values (${id}, 'bench-y1'), (${id}, 'bench-y2')`);
    }),
  );
  return { api, raw };
}
