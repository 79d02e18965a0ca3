import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type CipherName = 'aes-256-gcm' | 'sm4';

export interface Config {
  port: number;
  host: string;
  /** embedded PGlite folder, used when no databaseUrl is given */
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  cipher: CipherName;
  /** base64 master key or a file holding it; the embedded default generates one */
  key: string | undefined;
  keyFile: string | undefined;
  /** base64 key of the audit chain's HMAC, or a file holding it; kept apart from the field key */
  auditKey: string | undefined;
  auditKeyFile: string | undefined;
  /** a session ends this long after sign-in, however busy (besides 30 idle minutes) */
  sessionMaxHours: number;
  /** addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed; false: none */
  trustProxy: string[] | false;
  /**
   * false only when the operator serves plain HTTP on a trusted network (LIANXIN_COOKIE_SECURE=0):
   * cookies without Secure, no HSTS, no CSP upgrade-insecure-requests
   */
  cookieSecure: boolean;
  /** Bearer token that may read /metrics from anywhere (without one: localhost only) */
  metricsToken: string | undefined;
  /** folder of the embedded database's daily backups (none when unset) */
  backupDir: string | undefined;
  /** how many of the newest daily backups are kept */
  backupKeep: number;
  webDist: string;
  /** attachments per cadre, in MiB (LIANXIN_ATTACHMENT_QUOTA_MB) */
  attachmentQuotaMb: number;
  /** the address youths reach the server by, for public cards' URLs and QR codes (LIANXIN_PUBLIC_URL) */
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cipher = env.LIANXIN_CIPHER ?? 'aes-256-gcm';
  if (cipher !== 'aes-256-gcm' && cipher !== 'sm4') {
    throw new Error(`LIANXIN_CIPHER must be aes-256-gcm or sm4, not ${cipher}`);
  }
  const attachmentQuotaMb = Number(env.LIANXIN_ATTACHMENT_QUOTA_MB || 200);
  if (!(attachmentQuotaMb >= 0)) {
    throw new Error(
      `LIANXIN_ATTACHMENT_QUOTA_MB must be a number of megabytes, not ${env.LIANXIN_ATTACHMENT_QUOTA_MB}`,
    );
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LIANXIN_DATA ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.LIANXIN_DEMO === '1' || env.LIANXIN_DEMO === 'true',
    cipher,
    key: env.LIANXIN_KEY || undefined,
    keyFile: env.LIANXIN_KEY_FILE || undefined,
    auditKey: env.LIANXIN_AUDIT_KEY || undefined,
    auditKeyFile: env.LIANXIN_AUDIT_KEY_FILE || undefined,
    sessionMaxHours: positiveNumber(env.LIANXIN_SESSION_MAX_HOURS, 12, 'LIANXIN_SESSION_MAX_HOURS'),
    trustProxy: proxies(env.LIANXIN_TRUST_PROXY),
    cookieSecure: env.LIANXIN_COOKIE_SECURE !== '0',
    metricsToken: env.LIANXIN_METRICS_TOKEN || undefined,
    backupDir: env.LIANXIN_BACKUP_DIR ? path.resolve(env.LIANXIN_BACKUP_DIR) : undefined,
    backupKeep: Math.floor(positiveNumber(env.LIANXIN_BACKUP_KEEP, 7, 'LIANXIN_BACKUP_KEEP')),
    webDist: path.join(repoRoot, 'apps/web/dist'),
    attachmentQuotaMb,
    publicUrl: (env.LIANXIN_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
  };
}

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
  return n;
}

/** `10.0.0.1, 10.1.0.0/16`: the proxies in front of the server (Fastify's trustProxy list). */
function proxies(raw: string | undefined): string[] | false {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : false;
}
