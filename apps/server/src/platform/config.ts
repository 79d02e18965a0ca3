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
  cookieSecure: boolean;
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cipher = env.LIANXIN_CIPHER ?? 'aes-256-gcm';
  if (cipher !== 'aes-256-gcm' && cipher !== 'sm4') {
    throw new Error(`LIANXIN_CIPHER must be aes-256-gcm or sm4, not ${cipher}`);
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
    cookieSecure: env.LIANXIN_COOKIE_SECURE !== '0',
    webDist: path.join(repoRoot, 'apps/web/dist'),
  };
}
