import { z } from 'zod';

/** A calendar date in China time, as the interchange writes it. */
export const ZDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });

/** Record ids are the interchange's keys (decision 1); `/` is reserved for organization paths. */
export const ZId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^/\s]+$/, '编号不能包含 / 或空白 / id must not contain / or spaces');

/** Mainland mobile number (手机号码). */
export const ZMobile = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位 / mobile must be 11 digits starting with 1'));

/** 身份证号码: 18 characters, the last a digit or X. The checksum is verified in the domain package. */
export const ZIdNumber = z
  .string()
  .regex(/^\d{17}[\dXx]$/, '身份证号码应为 18 位 / ID number must have 18 characters');

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const ZErrorCode = z.enum([
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'password_change_required',
  'totp_required',
  'totp_enrolment_required',
  'csrf',
  'payload_too_large',
  // a public page's limit per address or per card (decision 31)
  'rate_limited',
  'unavailable',
  'internal',
]);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
});

/** Every error answer: English `message`, Chinese `messageZh`, and the fields at fault. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    messageZh: z.string(),
    details: z.array(ZErrorDetail).optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZOk = z.object({ ok: z.literal(true) });

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
