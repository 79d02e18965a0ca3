import crypto from 'node:crypto';
import {
  factBookSections,
  type TFactBook,
  type TFactBookSection,
  type TFactBookVersion,
} from '@lianxin/contracts';
import { asc, inArray } from 'drizzle-orm';
import { type Actor, authorize, can } from '../../platform/access/index.ts';
import { factBookEntries } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { loadPointForRead } from './contact-points.service.ts';

type EntryRow = typeof factBookEntries.$inferSelect;

const toVersion = (r: EntryRow): TFactBookVersion => ({
  id: r.id,
  section: r.section as TFactBookSection,
  text: r.text,
  pointId: r.pointId,
  writtenBy: r.writtenBy,
  writtenAt: r.writtenAt.toISOString(),
});

/**
 * 明白帐 of a tenure as the reader sees it: the versions written under the tenures of its chain
 * they read (a successor reads the predecessor's, decision 15), the newest per section first.
 */
export async function getFactBook(p: Platform, actor: Actor, pointId: string): Promise<TFactBook> {
  const { readable } = await loadPointForRead(p, actor, pointId);
  const rows = await p.db
    .select()
    .from(factBookEntries)
    .where(inArray(factBookEntries.pointId, [...readable.keys()]))
    .orderBy(asc(factBookEntries.seq));
  const versions = rows.map(toVersion).reverse();
  return {
    pointId,
    editable: await can(p, actor, { type: 'contact_point', id: pointId }, 'book'),
    sections: factBookSections.map((section) => {
      const [current = null, ...history] = versions.filter((v) => v.section === section);
      return { section, current, history };
    }),
  };
}

/** A new version of one section; the earlier ones stay as its history. */
export async function updateFactBook(
  p: Platform,
  actor: Actor,
  pointId: string,
  body: { section: TFactBookSection; text: string },
): Promise<TFactBook> {
  await loadPointForRead(p, actor, pointId);
  await authorize(p, actor, { type: 'contact_point', id: pointId }, 'book');
  const id = crypto.randomUUID();
  // the archive names the writer as people know them: the cadre's name, else the account
  const writer = actor.cadreId
    ? ((await findCadre(p.db, actor.cadreId))?.cadre.name ?? actor.name)
    : actor.name;
  await inTransaction(p, async (tx) => {
    await tx.insert(factBookEntries).values({
      id,
      pointId,
      section: body.section,
      text: body.text,
      writtenBy: writer,
      writtenAt: p.clock.now(),
    });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'fact_book.update',
      objectType: 'contact_point',
      objectId: pointId,
      // the account describes the place, but may name people: its size only (decision 16)
      after: { section: body.section, size: body.text.length, version: id },
      ip: actor.ip,
    });
  });
  return getFactBook(p, actor, pointId);
}
