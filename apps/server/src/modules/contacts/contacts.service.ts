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
import { isValidIdNumber, maskIdNumber, maskMobile, normalizeMobile } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Actor, canOnOrg, type Permission } from '../../platform/access.ts';
import { chinaToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { contacts } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  type ContactRow,
  countCadreContacts,
  deleteKeeper,
  findContact,
  findContactByPersonalHash,
  findKeepers,
  isSuccessorFor,
  listCadreContacts,
  listOverContacted,
  OVER_CONTACT_KEEPERS,
  upsertKeeper,
} from './contacts.repo.ts';

type Keepers = Awaited<ReturnType<typeof findKeepers>>;

/** Records a refusal (no personal data) and returns the 403 to throw. */
async function deny(
  p: Platform,
  actor: Actor,
  objectType: 'contact' | 'cadre',
  objectId: string,
  action: string,
  after?: unknown,
) {
  await p.audit.record(p.db, {
    actor: actor.name,
    action,
    objectType,
    objectId,
    after: after ?? null,
    ip: actor.ip,
    result: 'denied',
  });
  return new AppError(
    'forbidden',
    `No access to ${objectType} ${objectId}`,
    objectType === 'contact' ? '无权查看或修改该联系青年' : '无权查看或修改该团干部的联系青年',
  );
}

/** `张三丰` → `张**`: what a 409 may tell about a person the caller does not keep. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Under 18 at `today` (YYYY-MM-DD), by the date of birth in an 18-character ID number. */
export function isMinor(idNumber: string | null, today: string): boolean {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return false;
  const birth = idNumber.slice(6, 14);
  const adult = `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`;
  return adult > today.replaceAll('-', '');
}

function minorOf(p: Platform, row: ContactRow, today = chinaToday(p.clock)) {
  return row.idNumberEnc ? isMinor(p.cipher.decrypt(row.idNumberEnc), today) : false;
}

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
  const row = await findCadre(p.db, id);
  if (!row) throw notFound('Cadre', id, '团干部');
  if (actor.cadreId !== id && !canOnOrg(actor, row.orgPath, perm))
    throw await deny(p, actor, 'cadre', id, `deny.contacts.${perm}`);
  return row;
}

type Basis = 'keeper' | 'successor' | 'scope';

/**
 * Decision 14 and the brief: the keepers read and write; the successor of a point the person
 * belongs to reads; admins and leaders read (masked) through any keeper in their subtree, and
 * org admins write there. Returns the basis, or null.
 */
async function accessBasis(
  p: Platform,
  actor: Actor,
  contactId: string,
  keepers: Keepers,
  perm: Permission,
): Promise<Basis | null> {
  if (actor.cadreId && keepers.some((k) => k.cadreId === actor.cadreId)) return 'keeper';
  if (actor.role === 'system_admin') return 'scope';
  if (keepers.some((k) => canOnOrg(actor, k.orgPath, perm))) return 'scope';
  if (perm === 'read' && actor.cadreId && (await isSuccessorFor(p.db, contactId, actor.cadreId)))
    return 'successor';
  return null;
}

async function loadContact(p: Platform, actor: Actor, id: string, perm: Permission) {
  const row = await findContact(p.db, id);
  if (!row) throw notFound('Contact', id, '联系青年');
  const keepers = await findKeepers(p.db, id);
  const basis = await accessBasis(p, actor, id, keepers, perm);
  if (!basis) throw await deny(p, actor, 'contact', id, `deny.${perm}`);
  return { row, keepers, basis };
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
    minor: minorOf(p, row),
  };
}

/** Encrypted value, keyed hash and mask of each personal field given (null clears it). */
function personalFields(
  p: Platform,
  input: { phone?: string | null; idNumber?: string | null; channels?: TContactChannels | null },
) {
  const out: Partial<ContactRow> = {};
  if (input.phone !== undefined) {
    const m = input.phone === null ? null : normalizeMobile(input.phone);
    out.phoneEnc = m ? p.cipher.encrypt(m) : null;
    out.phoneHash = m ? p.cipher.blindIndex(m) : null;
    out.phoneMasked = m ? maskMobile(m) : null;
  }
  if (input.idNumber !== undefined) {
    const id = input.idNumber?.toUpperCase() ?? null;
    if (id && !isValidIdNumber(id, { asOf: chinaToday(p.clock) })) {
      throw badRequest('ID number fails its check digit or date', '身份证号码校验不通过', [
        { path: 'idNumber', message: '身份证号码校验位或出生日期有误 / invalid ID number' },
      ]);
    }
    out.idNumberEnc = id ? p.cipher.encrypt(id) : null;
    out.idNumberHash = id ? p.cipher.blindIndex(id) : null;
    out.idNumberMasked = id ? maskIdNumber(id) : null;
  }
  if (input.channels !== undefined) {
    const present = input.channels && Object.values(input.channels).some(Boolean);
    out.channelsEnc = present ? p.cipher.encrypt(JSON.stringify(input.channels)) : null;
  }
  return out;
}

/** Same person, one record (decision 1): a match is answered 409 with the merge to offer. */
export async function assertPersonUnique(db: Db, fields: Partial<ContactRow>, selfId?: string) {
  for (const [column, path, label] of [
    ['phoneHash', 'phone', '手机号码'],
    ['idNumberHash', 'idNumber', '身份证号码'],
  ] as const) {
    const hash = fields[column];
    if (!hash) continue;
    const other = await findContactByPersonalHash(db, column, hash);
    if (other && other.id !== selfId) {
      const masked = maskName(other.name);
      throw new AppError(
        'conflict',
        `A contact with this ${path === 'phone' ? 'phone' : 'ID number'} exists: ${other.id} (${masked}); add the cadre as keeper with POST /contacts/${other.id}/keepers`,
        `已有相同${label}的联系青年「${masked}」（${other.id}），可将其加入联系名单，请勿重复录入`,
        [
          { path, message: `已存在 / exists: ${other.id}` },
          { path: 'existingId', message: other.id },
          { path: 'existingName', message: masked },
        ],
      );
    }
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** What the audit log may hold of a contact: hashes and masks, never clear personal data (decision 16). */
export function auditView(row: Partial<ContactRow>) {
  const { phoneEnc, idNumberEnc, channelsEnc, createdAt, ...rest } = row;
  return channelsEnc === undefined ? rest : { ...rest, channels: channelsEnc ? 'set' : null };
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
        minor: minorOf(p, r.contact, today),
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
  const created = await inTransaction(p, (tx) =>
    insertContact(p, tx, actor, owner.cadre.id, input, personal),
  ).catch(async (e: unknown) => {
    // two cadres entering the same person at once: the unique index stops the second; answer 409 as above
    if (isUniqueViolation(e)) await assertPersonUnique(p.db, personal);
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
  await assertPersonUnique(tx, personal);
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
  const { phone, idNumber, channels, tags, ...plain } = input;
  const changes: Partial<ContactRow> = {
    ...plain,
    ...(tags ? { tags: [...new Set(tags)] } : {}),
    ...personalFields(p, { phone, idNumber, channels }),
  };
  await inTransaction(p, async (tx) => {
    await assertPersonUnique(tx, changes, id);
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

/** The merge of decision 1: the cadre keeps the existing record (or their key flag changes). */
export async function addKeeper(p: Platform, actor: Actor, id: string, input: TAddKeeperRequest) {
  const owner = await loadListOwner(p, actor, input.cadreId, 'write');
  const contact = await findContact(p.db, id);
  if (!contact) throw notFound('Contact', id, '联系青年');
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
  const row = await findContact(p.db, id);
  if (!row) throw notFound('Contact', id, '联系青年');
  const keepers = await findKeepers(p.db, id);
  let basis: Basis | 'spot_check' | null = await accessBasis(p, actor, id, keepers, 'read');
  if (basis === 'scope')
    basis = actor.role === 'system_admin' || actor.role === 'org_admin' ? 'spot_check' : null;
  if (!basis) throw await deny(p, actor, 'contact', id, 'contact.reveal', { reason });
  await p.audit.record(p.db, {
    actor: actor.name,
    action: 'contact.reveal',
    objectType: 'contact',
    objectId: id,
    after: { reason, basis, fields: ['phone', 'idNumber', 'channels'] },
    ip: actor.ip,
  });
  return {
    phone: row.phoneEnc ? p.cipher.decrypt(row.phoneEnc) : null,
    idNumber: row.idNumberEnc ? p.cipher.decrypt(row.idNumberEnc) : null,
    channels: row.channelsEnc ? (JSON.parse(p.cipher.decrypt(row.channelsEnc)) as TContactChannels) : null,
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
