import type { TContactChannels, TGuardianConsent } from '@lianxin/contracts';
import { isValidIdNumber, maskIdNumber, maskMobile, normalizeMobile } from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ContactRow } from './contacts.repo.ts';

/** `张三丰` → `张**`: what an answer may tell about a person the reader does not keep. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Younger than `years` at `today` (YYYY-MM-DD), by the date of birth in an 18-character ID number. */
function isUnder(idNumber: string | null, today: string, years: number): boolean {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return false;
  const birth = idNumber.slice(6, 14);
  const comesOfAge = `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
  return comesOfAge > today.replaceAll('-', '');
}

/** Under 18: a minor (未成年人). */
const ADULT_AGE = 18;

/** PIPL art. 31: a child under 14's personal data needs a guardian's consent. */
const CONSENT_AGE = 14;

export function idNumberOf(p: Platform, row: Pick<ContactRow, 'idNumberEnc'>): string | null {
  return row.idNumberEnc ? p.cipher.decrypt(row.idNumberEnc) : null;
}

export function ageFlags(p: Platform, row: ContactRow, today = chinaToday(p.clock)) {
  const id = idNumberOf(p, row);
  return { minor: isUnder(id, today, ADULT_AGE), under14: isUnder(id, today, CONSENT_AGE) };
}

type PersonalInput = {
  phone?: string | null;
  idNumber?: string | null;
  channels?: TContactChannels | null;
  guardianConsent?: TGuardianConsent;
};

/** Encrypted value, keyed hash and mask of each personal field given (null clears it). */
export function personalFields(p: Platform, input: PersonalInput) {
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

/**
 * Decision 27: a phone, ID number or handle of a child under 14 is stored only with a guardian's
 * consent on record — given now, or already on the record. Returns the consent to store, if any.
 */
export function guardianConsentFor(
  p: Platform,
  actor: Actor,
  changes: Partial<ContactRow>,
  input: PersonalInput,
  current?: ContactRow,
): Pick<ContactRow, 'guardianConsent'> | Record<string, never> {
  const given = input.guardianConsent ? { ...input.guardianConsent, recordedBy: actor.name } : undefined;
  const after = { ...current, ...changes } as Partial<ContactRow>;
  const holdsPersonal = Boolean(after.phoneEnc || after.idNumberEnc || after.channelsEnc);
  const id = after.idNumberEnc ? p.cipher.decrypt(after.idNumberEnc) : null;
  const under14 = isUnder(id, chinaToday(p.clock), CONSENT_AGE);
  if (under14 && holdsPersonal && !given && !current?.guardianConsent) {
    throw badRequest(
      "A child under 14: record the guardian's consent before storing a phone, ID number or handle",
      '该青年未满14周岁，保存手机号码、身份证号码或社交账号前须登记监护人同意（监护人、关系、日期、方式）',
      [{ path: 'guardianConsent', message: '未满14周岁须监护人同意 / guardian consent required under 14' }],
    );
  }
  return given ? { guardianConsent: given } : {};
}

/** What the audit log may hold of a contact: hashes and masks, never clear personal data (decision 16). */
export function auditView(row: Partial<ContactRow>) {
  const { phoneEnc, idNumberEnc, channelsEnc, guardianConsent, createdAt, ...rest } = row;
  const withConsent = guardianConsent
    ? { ...rest, guardianConsent: { on: guardianConsent.on, method: guardianConsent.method } }
    : rest;
  return channelsEnc === undefined ? withConsent : { ...withConsent, channels: channelsEnc ? 'set' : null };
}
