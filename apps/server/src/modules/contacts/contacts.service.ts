import crypto from 'node:crypto';
import type {
  TAddKeeperRequest,
  TContact,
  TContactChannels,
  TContactList,
  TContactListItem,
  TContactReveal,
  TCreateContactRequest,
  TOverContacted,
  TUpdateContactRequest,
} from '@lianxin/contracts';
import { normalizeMobile } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Action, type Actor, authorize, type Permission } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { type Db, isUniqueViolation } from '../../platform/db/client.ts';
import { contacts } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { assertPersonUnique, assertPersonUniqueIn } from './contacts.duplicates.ts';
import { ageFlags, auditView, guardianConsentFor, idNumberOf, personalFields } from './contacts.personal.ts';
import {
  type ContactRow,
  countCadreContacts,
  deleteKeeper,
  findContact,
  findKeepers,
  listCadreContacts,
  listOverContacted,
  OVER_CONTACT_KEEPERS,
  upsertKeeper,
} from './contacts.repo.ts';

export { maskName } from './contacts.personal.ts';

type Keepers = Awaited<ReturnType<typeof findKeepers>>;

/**
 * The cadre whose list is meant (the caller's own when none is named), and the caller's access:
 * their own list, or an organization subtree holding the cadre (admins write, leaders read).
 */
async function loadListOwner(p: Platform, actor: Actor, cadreId: string | undefined, perm: Permission) {
  const id = cadreId ?? actor.cadreId;
  if (!id)
    throw badRequest('Name the cadre whose contacts are meant (cadre)', '请指定团干部', [
      { path: 'cadre', message: '必填 / required' },
    ]);
  return loadCadre(p, actor, id, perm === 'read' ? 'read' : 'log');
}

/** The contact, or 404; then the access layer's answer and its basis, or 403 (audited). */
async function loadContact(
  p: Platform,
  actor: Actor,
  id: string,
  action: Action<'contact'>,
  context?: unknown,
) {
  const row = await findContact(p.db, id);
  if (!row) throw notFound('Contact', id, '联系青年');
  const basis = await authorize(p, actor, { type: 'contact', id }, action, context);
  return { row, keepers: await findKeepers(p.db, id), basis };
}

function toContactDto(p: Platform, row: ContactRow, keepers: Keepers): TContact {
  return {
    id: row.id,
    name: row.name,
    role: row.role as TContact['role'],
    field: row.field as TContact['field'],
    unit: row.unit,
    tags: row.tags as TContact['tags'],
    phoneMasked: row.phoneMasked,
    idNumberMasked: row.idNumberMasked,
    hasChannels: row.channelsEnc !== null,
    keepers: keepers.map((k) => ({ cadreId: k.cadreId, cadreName: k.cadreName, key: k.key })),
    keeperCount: keepers.length,
    overContacted: keepers.length >= OVER_CONTACT_KEEPERS,
    ...ageFlags(p, row),
    guardianConsent: row.guardianConsent
      ? {
          relation: row.guardianConsent.relation,
          on: row.guardianConsent.on,
          method: row.guardianConsent.method,
        }
      : null,
  } as TContact;
}

/** mz2016.one_plus_100: 100 for full-time, seconded and county-or-higher part-time cadres, else 10. */
export function contactTarget(employment: string, orgLevel: string | undefined): number {
  if (employment === 'full_time' || employment === 'seconded') return 100;
  return orgLevel && orgLevel !== 'grassroots' ? 100 : 10;
}

export async function listContactsFor(
  p: Platform,
  actor: Actor,
  q: { cadre?: string; q?: string; page: number; pageSize: number },
): Promise<TContactList> {
  const owner = await loadListOwner(p, actor, q.cadre, 'read');
  const cadreId = owner.cadre.id;
  const phone = q.q ? normalizeMobile(q.q) : '';
  const { items, total } = await listCadreContacts(p.db, {
    cadreId,
    name: q.q,
    phoneHash: /^1[3-9]\d{9}$/.test(phone) ? p.cipher.blindIndex(phone) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  const org = await findOrg(p.db, owner.cadre.orgId);
  const today = chinaToday(p.clock);
  return {
    items: items.map(
      (r): TContactListItem => ({
        id: r.contact.id,
        name: r.contact.name,
        role: r.contact.role as TContactListItem['role'],
        field: r.contact.field as TContactListItem['field'],
        unit: r.contact.unit,
        tags: r.contact.tags as TContactListItem['tags'],
        key: r.key,
        phoneMasked: r.contact.phoneMasked,
        keeperCount: r.keeperCount,
        overContacted: r.keeperCount >= OVER_CONTACT_KEEPERS,
        minor: ageFlags(p, r.contact, today).minor,
      }),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
    progress: {
      cadreId,
      count: await countCadreContacts(p.db, cadreId),
      target: contactTarget(owner.cadre.employment, org?.level),
    },
  };
}

export async function getContact(p: Platform, actor: Actor, id: string) {
  const { row, keepers } = await loadContact(p, actor, id, 'read');
  return toContactDto(p, row, keepers);
}

export async function createContact(p: Platform, actor: Actor, input: TCreateContactRequest) {
  const owner = await loadListOwner(p, actor, input.cadreId, 'write');
  const personal = personalFields(p, input);
  await assertPersonUnique(p, actor, personal);
  const created = await inTransaction(p, (tx) =>
    insertContact(p, tx, actor, owner.cadre.id, input, personal),
  ).catch(async (e: unknown) => {
    // two cadres entering the same person at once: the unique index stops the second; answer 409 as above
    if (isUniqueViolation(e)) await assertPersonUnique(p, actor, personal);
    throw e;
  });
  return toContactDto(p, created, await findKeepers(p.db, created.id));
}

/** The write itself, in the caller's transaction; access to the cadre's list is checked before. */
export async function insertContact(
  p: Platform,
  tx: Db,
  actor: Actor,
  cadreId: string,
  input: Omit<TCreateContactRequest, 'cadreId'>,
  personal = personalFields(p, input),
) {
  await assertPersonUniqueIn(tx, personal);
  const consent = guardianConsentFor(p, actor, personal, input);
  const row = {
    id: crypto.randomUUID(),
    name: input.name,
    role: input.role,
    field: input.field ?? null,
    unit: input.unit ?? null,
    tags: [...new Set(input.tags ?? [])],
    phoneEnc: null,
    phoneHash: null,
    phoneMasked: null,
    idNumberEnc: null,
    idNumberHash: null,
    idNumberMasked: null,
    channelsEnc: null,
    ...personal,
    guardianConsent: consent.guardianConsent ?? null,
  };
  await tx.insert(contacts).values(row);
  await upsertKeeper(tx, row.id, cadreId, input.key ?? false);
  await p.audit.append(tx, {
    actor: actor.name,
    action: 'contact.create',
    objectType: 'contact',
    objectId: row.id,
    after: { ...auditView(row), keeper: cadreId, key: input.key ?? false },
    ip: actor.ip,
  });
  return (await findContact(tx, row.id))!;
}

export async function updateContact(p: Platform, actor: Actor, id: string, input: TUpdateContactRequest) {
  const { row: current } = await loadContact(p, actor, id, 'write');
  const { phone, idNumber, channels, tags, guardianConsent, ...plain } = input;
  const personal = personalFields(p, { phone, idNumber, channels });
  const changes: Partial<ContactRow> = {
    ...plain,
    ...(tags ? { tags: [...new Set(tags)] } : {}),
    ...personal,
    ...guardianConsentFor(p, actor, personal, input, current),
  };
  await assertPersonUnique(p, actor, changes, id);
  await inTransaction(p, async (tx) => {
    await assertPersonUniqueIn(tx, changes, id);
    if (Object.keys(changes).length > 0) await tx.update(contacts).set(changes).where(eq(contacts.id, id));
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, current[k as keyof ContactRow]]),
    ) as Partial<ContactRow>;
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact.update',
      objectType: 'contact',
      objectId: id,
      before: auditView(before),
      after: auditView(changes),
      ip: actor.ip,
    });
  });
  return getContact(p, actor, id);
}

/**
 * The merge of decision 1: the cadre keeps the existing record (or their key flag changes). Only
 * for whom the access layer grants `keep` — an existing keeper, a successor, or an admin over
 * every keeper; anyone else asks through a keeper request (decision 26).
 */
export async function addKeeper(p: Platform, actor: Actor, id: string, input: TAddKeeperRequest) {
  const owner = await loadListOwner(p, actor, input.cadreId, 'write');
  const { row: contact } = await loadContact(p, actor, id, 'keep');
  await inTransaction(p, async (tx) => {
    await upsertKeeper(tx, id, owner.cadre.id, input.key);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact.keeper.add',
      objectType: 'contact',
      objectId: id,
      after: { cadreId: owner.cadre.id, key: input.key ?? null },
      ip: actor.ip,
    });
  });
  return toContactDto(p, contact, await findKeepers(p.db, id));
}

/** The cadre stops keeping the person; the record stays (decision 7: contacts stay with the person). */
export async function removeKeeper(p: Platform, actor: Actor, id: string, cadreId: string) {
  await loadListOwner(p, actor, cadreId, 'write');
  await inTransaction(p, async (tx) => {
    if (!(await deleteKeeper(tx, id, cadreId)))
      throw notFound('Keeper', `${cadreId} of contact ${id}`, '联系关系');
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact.keeper.remove',
      objectType: 'contact',
      objectId: id,
      before: { cadreId },
      ip: actor.ip,
    });
  });
  return { ok: true as const };
}

/**
 * Personal data in clear (decision 14): the keepers, the successor of a point the person belongs
 * to, and a system or org admin in scope doing a spot check. Every reveal, and every refusal, is
 * audited with who, whom and why, never with the data itself.
 */
export async function revealContact(
  p: Platform,
  actor: Actor,
  id: string,
  reason: string,
): Promise<TContactReveal> {
  const { row, basis } = await loadContact(p, actor, id, 'reveal', { reason });
  // a minor's reveal is listed for the admins over the keepers (decision 27)
  const { minor } = ageFlags(p, row);
  await p.audit.record(p.db, {
    actor: actor.name,
    action: 'contact.reveal',
    objectType: 'contact',
    objectId: id,
    after: { reason, basis, fields: ['phone', 'idNumber', 'channels'], minor },
    ip: actor.ip,
  });
  return {
    phone: row.phoneEnc ? p.cipher.decrypt(row.phoneEnc) : null,
    idNumber: idNumberOf(p, row),
    channels: row.channelsEnc ? (JSON.parse(p.cipher.decrypt(row.channelsEnc)) as TContactChannels) : null,
    guardian: row.guardianConsent?.guardian ?? null,
  };
}

/** mz2016.no_over_contact, for the admins and leaders of an organization subtree. */
export async function overContacted(p: Platform, actor: Actor, orgId?: string): Promise<TOverContacted> {
  const id = orgId ?? actor.scopeOrgId;
  if (!id)
    throw badRequest('Name an organization (org)', '请指定组织', [
      { path: 'org', message: '必填 / required' },
    ]);
  const org = await loadOrg(p, actor, id, 'read');
  const rows = await listOverContacted(p.db, org.path);
  return {
    org: org.id,
    items: rows.map((r) => ({
      id: r.contact.id,
      name: r.contact.name,
      role: r.contact.role as TContact['role'],
      field: r.contact.field as TContact['field'],
      phoneMasked: r.contact.phoneMasked,
      keeperCount: r.keepers.length,
      keepers: r.keepers.map((k) => ({ cadreId: k.cadreId, cadreName: k.cadreName })),
    })),
  };
}
