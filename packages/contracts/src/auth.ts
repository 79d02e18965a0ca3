import { z } from 'zod';
import { ZAccount } from './people.ts';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1, '请输入用户名 / username required'),
  password: z.string().min(1, '请输入密码 / password required'),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSession = z.object({
  account: ZAccount,
  csrfToken: z.string(),
  /** The account must change its password before anything else (first login, reset). */
  mustChangePassword: z.boolean(),
  /** Admin accounts must enrol a TOTP second factor before anything else. */
  mustEnrolTotp: z.boolean(),
  demo: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1),
});

export const ZTotpSetupResponse = z.object({ secret: z.string(), uri: z.string() });
export const ZTotpEnableRequest = z.object({
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字 / code: 6 digits'),
});
