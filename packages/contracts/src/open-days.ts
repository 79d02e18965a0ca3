import { z } from 'zod';
import { ZDate, ZId, ZMobile } from './common.ts';

/** 专题开放日 (seed 004 四.4): a county committee invites ≥ 50 ordinary youths each quarter. */
export const ZCreateOpenDayRequest = z.object({
  orgId: ZId,
  theme: z.string().trim().min(1, '主题必填 / theme required').max(100),
  heldOn: ZDate,
  place: z.string().trim().min(1, '地点必填 / place required').max(100),
});
export type TCreateOpenDayRequest = z.infer<typeof ZCreateOpenDayRequest>;

export const ZOpenDay = z.object({
  id: ZId,
  orgId: ZId,
  orgName: z.string(),
  theme: z.string(),
  heldOn: ZDate,
  place: z.string(),
  signupOpen: z.boolean(),
  signedUp: z.number(),
  checkedIn: z.number(),
  /** the public sign-up page's full address (`/o/<id>`), to share or print */
  signupUrl: z.string(),
});
export type TOpenDay = z.infer<typeof ZOpenDay>;

/** What the public sign-up page shows: the announcement only, never who signed up. */
export const ZPublicOpenDay = ZOpenDay.pick({
  id: true,
  orgName: true,
  theme: true,
  heldOn: true,
  place: true,
  signupOpen: true,
});
export type TPublicOpenDay = z.infer<typeof ZPublicOpenDay>;

/** The public form: name, phone, unit or school; no ID number (decision 31). */
export const ZOpenDaySignupRequest = z.object({
  name: z.string().trim().min(1, '姓名必填 / name required').max(30),
  phone: ZMobile,
  unit: z.string().trim().min(1, '单位或学校必填 / unit or school required').max(60),
  /** 同意团干部今后与我保持联系: asked on the form, recorded with the sign-up */
  consent: z.boolean(),
});
export type TOpenDaySignupRequest = z.infer<typeof ZOpenDaySignupRequest>;

export const ZOpenDaySignup = z.object({
  id: ZId,
  name: z.string(),
  unit: z.string(),
  phoneMasked: z.string(),
  consent: z.boolean(),
  checkedInAt: z.string().nullable(),
  contactId: ZId.nullable(),
});
export type TOpenDaySignup = z.infer<typeof ZOpenDaySignup>;

export const ZOpenDayRoster = z.object({ openDay: ZOpenDay, signups: z.array(ZOpenDaySignup) });
export type TOpenDayRoster = z.infer<typeof ZOpenDayRoster>;

export const ZTakeAttendeeRequest = z.object({ cadreId: ZId.optional() });
