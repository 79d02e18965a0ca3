import crypto from 'node:crypto';
import type {
  TCreateOpenDayRequest,
  TOpenDay,
  TOpenDayRoster,
  TOpenDaySignup,
  TOpenDaySignupRequest,
  TPublicOpenDay,
} from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { isUniqueViolation } from '../../platform/db/client.ts';
import { openDaySignups, openDays } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { personalFields } from '../contacts/contacts.personal.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { findOpenDay, findSignup, openDaysOf, signupsOf } from './open-days.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findOpenDay>>>;

/** The public sign-up page of an open day (served by `openDayPageRoute`). */
export const signupUrl = (p: Platform, id: string) => `${p.config.publicUrl}/o/${id}`;

const toDto = (p: Platform, r: Row): TOpenDay => ({
  id: r.day.id,
  orgId: r.day.orgId,
  orgName: r.orgName,
  theme: r.day.theme,
  heldOn: r.day.heldOn,
  place: r.day.place,
  signupOpen: r.day.signupOpen,
  signedUp: Number(r.signedUp),
  checkedIn: Number(r.checkedIn),
  signupUrl: signupUrl(p, r.day.id),
});

const toSignupDto = (s: typeof openDaySignups.$inferSelect): TOpenDaySignup => ({
  id: s.id,
  name: s.name,
  unit: s.unit,
  phoneMasked: s.phoneMasked,
  consent: s.consentContact,
  checkedInAt: s.checkedInAt?.toISOString() ?? null,
  contactId: s.contactId,
});

async function loadOpenDay(
  p: Platform,
  actor: Actor,
  id: string,
  action: 'read' | 'write' | 'sign_up' | 'take',
) {
  const row = await findOpenDay(p.db, id);
  if (!row) throw notFound('Open day', id, '开放日');
  await authorize(p, actor, { type: 'open_day', id }, action);
  return row;
}

/** 举办开放日: a county committee's admin announces it (seed 004: 各县（市、区）团委). */
export async function createOpenDay(p: Platform, actor: Actor, input: TCreateOpenDayRequest) {
  const org = await loadOrg(p, actor, input.orgId, 'write');
  if (org.level !== 'county')
    throw badRequest('An open day is held by a county committee', '开放日由县级团委举办', [
      { path: 'orgId', message: '应为县级团委 / must be a county committee' },
    ]);
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(openDays).values({ id, ...input, createdBy: actor.name });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'open_day.create',
      objectType: 'open_day',
      objectId: id,
      after: input,
      ip: actor.ip,
    });
  });
  return toDto(p, (await findOpenDay(p.db, id)) as Row);
}

export async function listOpenDays(p: Platform, actor: Actor, orgId: string) {
  await loadOrg(p, actor, orgId, 'read');
  return { items: (await openDaysOf(p.db, orgId)).map((r) => toDto(p, r)) };
}

/** 签到名单: phones masked; the count of those checked in is the open day's attendance. */
export async function roster(p: Platform, actor: Actor, id: string): Promise<TOpenDayRoster> {
  const row = await loadOpenDay(p, actor, id, 'read');
  return { openDay: toDto(p, row), signups: (await signupsOf(p.db, id)).map(toSignupDto) };
}

/** 签到 on the day, from an admin's phone; checking in twice changes nothing. */
export async function checkIn(p: Platform, actor: Actor, id: string, signupId: string) {
  const row = await loadOpenDay(p, actor, id, 'write');
  const signup = await findSignup(p.db, id, signupId);
  if (!signup) throw notFound('Sign-up', signupId, '报名记录');
  if (!signup.checkedInAt)
    await inTransaction(p, async (tx) => {
      await tx
        .update(openDaySignups)
        .set({ checkedInAt: p.clock.now(), checkedInBy: actor.name })
        .where(eq(openDaySignups.id, signupId));
      await p.audit.append(tx, {
        actor: actor.name,
        action: 'open_day.check_in',
        objectType: 'open_day',
        objectId: row.day.id,
        after: { signupId },
        ip: actor.ip,
      });
    });
  return toSignupDto((await findSignup(p.db, id, signupId))!);
}

/**
 * 一键加入联系名单: an attendee who consented on the form becomes a contact of the cadre (the
 * caller's own cadre by default), their phone carried over encrypted; the consent is the sign-up's.
 */
export async function takeAttendee(
  p: Platform,
  actor: Actor,
  id: string,
  signupId: string,
  cadreId?: string,
) {
  await loadOpenDay(p, actor, id, 'take');
  const signup = await findSignup(p.db, id, signupId);
  if (!signup) throw notFound('Sign-up', signupId, '报名记录');
  if (!signup.consentContact)
    throw badRequest(
      'The youth did not consent to being kept in touch',
      '该青年报名时未同意保持联系，不能加入联系名单',
      [{ path: 'signupId', message: '未同意 / no consent' }],
    );
  if (!signup.checkedInAt)
    throw badRequest('Only attendees checked in are taken', '只有已签到的青年才能加入联系名单', [
      { path: 'signupId', message: '未签到 / not checked in' },
    ]);
  if (signup.contactId) throw new AppError('conflict', 'Already taken into contacts', '该青年已加入联系名单');
  const owner = cadreId ?? actor.cadreId;
  if (!owner || !(await findCadre(p.db, owner)))
    throw badRequest('Name the cadre', '请指定团干部', [
      { path: 'cadreId', message: '团干部必填 / cadre required' },
    ]);
  const contact = await createContact(p, actor, {
    cadreId: owner,
    name: signup.name,
    role: 'youth',
    unit: signup.unit,
    phone: p.cipher.decrypt(signup.phoneEnc),
  });
  await inTransaction(p, async (tx) => {
    await tx.update(openDaySignups).set({ contactId: contact.id }).where(eq(openDaySignups.id, signupId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'open_day.take',
      objectType: 'open_day',
      objectId: id,
      after: {
        signupId,
        contactId: contact.id,
        cadreId: owner,
        consentGivenAt: signup.createdAt.toISOString(),
      },
      ip: actor.ip,
    });
  });
  return contact;
}

export async function publicOpenDay(p: Platform, actor: Actor, id: string): Promise<TPublicOpenDay> {
  const row = await loadOpenDay(p, actor, id, 'sign_up');
  const { signedUp, checkedIn, orgId, signupUrl: _url, ...shown } = toDto(p, row);
  return shown;
}

/** 报名 on the public page: the phone encrypted like a contact's; one sign-up per phone and day. */
/** Whether the public sign-up page of this open day may be served (sign-up is open). */
export async function openDayIsShown(p: Platform, visitor: Actor, id: string) {
  return publicOpenDay(p, visitor, id).then(
    () => true,
    () => false,
  );
}

export async function signUp(p: Platform, actor: Actor, id: string, input: TOpenDaySignupRequest) {
  await loadOpenDay(p, actor, id, 'sign_up');
  const personal = personalFields(p, { phone: input.phone });
  const signupId = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(openDaySignups).values({
      id: signupId,
      openDayId: id,
      name: input.name,
      unit: input.unit,
      phoneEnc: personal.phoneEnc!,
      phoneHash: personal.phoneHash!,
      phoneMasked: personal.phoneMasked!,
      consentContact: input.consent,
    });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'open_day.sign_up',
      objectType: 'open_day',
      objectId: id,
      // decision 16: the phone as hash and mask, the name as its length
      after: {
        signupId,
        phoneHash: personal.phoneHash,
        phoneMasked: personal.phoneMasked,
        nameLength: input.name.length,
        consent: input.consent,
      },
      ip: actor.ip,
    });
  }).catch((e: unknown) => {
    if (isUniqueViolation(e))
      throw new AppError('conflict', 'This phone has already signed up', '该手机号码已报名本次开放日');
    throw e;
  });
  return { ok: true as const };
}
