import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CipherName, Config } from './config.ts';

/**
 * Field encryption for personal data and keyed hashes for matching and for the audit log
 * (decisions 16, 17). AES-256-GCM by default; SM4-CBC with HMAC-SM3 for 密评 deployments.
 * Stored form: 1 byte version, 1 byte algorithm, IV, ciphertext, tag.
 */
export interface FieldCipher {
  readonly name: CipherName;
  /** a fingerprint of the master key (a keyed hash under its own sub-key): names a key, reveals nothing */
  readonly keyId: string;
  encrypt(plain: string): Buffer;
  decrypt(stored: Buffer): string;
  /** the same for bytes (attachments, small enough to encrypt whole) */
  encryptBytes(plain: Buffer): Buffer;
  decryptBytes(stored: Buffer): Buffer;
  /** keyed hash (HMAC) of a normalized value: equality search without decryption */
  blindIndex(plain: string): string;
  /** keyed hash under its own sub-key, naming stored objects so that known content cannot be confirmed */
  objectName(data: string): string;
}

const VERSION = 1;
const ALG = { 'aes-256-gcm': 1, sm4: 2 } as const;

function subKey(master: Buffer, purpose: string, length: number): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `lianxin:${purpose}`, length));
}

export function createFieldCipher(name: CipherName, master: Buffer): FieldCipher {
  if (master.length < 32) throw new Error('the master key must have at least 32 bytes');
  const macHash = name === 'sm4' ? 'sm3' : 'sha256';
  const indexKey = subKey(master, 'blind-index', 32);
  const objectKey = subKey(master, 'object-name', 32);
  const { seal, open } = name === 'aes-256-gcm' ? aesGcm(subKey(master, name, 32)) : sm4(master);
  return {
    name,
    keyId: crypto
      .createHmac('sha256', subKey(master, 'key-id', 32))
      .update('lianxin')
      .digest('hex')
      .slice(0, 16),
    blindIndex: (plain) => crypto.createHmac(macHash, indexKey).update(plain).digest('hex'),
    objectName: (data) => crypto.createHmac(macHash, objectKey).update(data).digest('hex'),
    encrypt: (plain) => seal(Buffer.from(plain, 'utf8')),
    decrypt: (stored) => open(stored).toString('utf8'),
    encryptBytes: seal,
    decryptBytes: open,
  };
}

interface Sealer {
  seal(plain: Buffer): Buffer;
  open(stored: Buffer): Buffer;
}

function aesGcm(key: Buffer): Sealer {
  const name = 'aes-256-gcm';
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv(name, key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([Buffer.from([VERSION, ALG[name]]), iv, body, c.getAuthTag()]);
    },
    open(stored) {
      expectHeader(stored, name);
      const iv = stored.subarray(2, 14);
      const tag = stored.subarray(stored.length - 16);
      const d = crypto.createDecipheriv(name, key, iv);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(stored.subarray(14, stored.length - 16)), d.final()]);
    },
  };
}

// Node's OpenSSL has no SM4-GCM: SM4-CBC, then HMAC-SM3 over header, IV and ciphertext.
function sm4(master: Buffer): Sealer {
  const key = subKey(master, 'sm4', 16);
  const macKey = subKey(master, 'sm4-mac', 32);
  const mac = (data: Buffer) => crypto.createHmac('sm3', macKey).update(data).digest();
  return {
    seal(plain) {
      const iv = crypto.randomBytes(16);
      const c = crypto.createCipheriv('sm4-cbc', key, iv);
      const head = Buffer.concat([Buffer.from([VERSION, ALG.sm4]), iv, c.update(plain), c.final()]);
      return Buffer.concat([head, mac(head)]);
    },
    open(stored) {
      expectHeader(stored, 'sm4');
      const head = stored.subarray(0, stored.length - 32);
      if (!crypto.timingSafeEqual(mac(head), stored.subarray(stored.length - 32))) {
        throw new Error('encrypted field failed its integrity check');
      }
      const d = crypto.createDecipheriv('sm4-cbc', key, head.subarray(2, 18));
      return Buffer.concat([d.update(head.subarray(18)), d.final()]);
    },
  };
}

function expectHeader(stored: Buffer, name: CipherName) {
  if (stored[0] !== VERSION || stored[1] !== ALG[name]) {
    throw new Error(`encrypted field was not written by ${name} (header ${stored[0]}/${stored[1]})`);
  }
}

/** The audit chain's MAC (decision 28): HMAC-SHA-256, or HMAC-SM3 where the cipher is SM4 (密评). */
export type AuditMac = (data: string) => string;

export function createAuditMac(name: CipherName, key: Buffer): AuditMac {
  if (key.length < 32) throw new Error('the audit key must have at least 32 bytes');
  const hash = name === 'sm4' ? 'sm3' : 'sha256';
  return (data) => crypto.createHmac(hash, key).update(data).digest('hex');
}

/**
 * The master key: LIANXIN_KEY (base64) or LIANXIN_KEY_FILE. Only the embedded zero-setup
 * database may generate one, into its data folder, and it says so.
 */
export function loadMasterKey(config: Config, log: (msg: string) => void): Buffer {
  return loadKey(config, log, {
    inline: config.key,
    file: config.keyFile,
    variables: 'LIANXIN_KEY or LIANXIN_KEY_FILE',
    generated: 'secret.key',
    what: '加密密钥',
  });
}

/**
 * The audit key: LIANXIN_AUDIT_KEY or LIANXIN_AUDIT_KEY_FILE, generated like the master key for
 * the embedded database. A key of its own: the field key may be rotated, the audit key never
 * changes (a new key would leave history unverifiable).
 */
export function loadAuditKey(config: Config, log: (msg: string) => void): Buffer {
  return loadKey(config, log, {
    inline: config.auditKey,
    file: config.auditKeyFile,
    variables: 'LIANXIN_AUDIT_KEY or LIANXIN_AUDIT_KEY_FILE',
    generated: 'audit.key',
    what: '审计密钥',
  });
}

function loadKey(
  config: Config,
  log: (msg: string) => void,
  k: { inline?: string; file?: string; variables: string; generated: string; what: string },
): Buffer {
  if (k.inline) return Buffer.from(k.inline, 'base64');
  if (k.file) return readKeyFile(k.file);
  if (config.databaseUrl) {
    throw new Error(`With DATABASE_URL a key is required: set ${k.variables} (32 random bytes, base64).`);
  }
  const file = path.join(config.dataDir, k.generated);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    log(
      `生成了${k.what} ${file}；生产环境请用 ${k.variables.split(' or ')[1]} 把密钥放在数据目录之外。 / Generated a key in ${file}.`,
    );
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/** A key file: 32 or more random bytes in base64 on one line. */
export const readKeyFile = (file: string) => Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');

/** A new key file, readable by its owner only; never overwrites one. */
export function writeNewKeyFile(file: string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
}
