import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './crypto.ts';

describe.each(['aes-256-gcm', 'sm4'] as const)('field cipher %s on bytes', (name) => {
  const key = crypto.randomBytes(32);
  const cipher = createFieldCipher(name, key);

  it('encrypts any bytes whole and refuses a changed byte', () => {
    const plain = crypto.randomBytes(100_003);
    const stored = cipher.encryptBytes(plain);
    expect(stored.includes(plain.subarray(0, 32))).toBe(false);
    expect(cipher.decryptBytes(stored)).toEqual(plain);
    stored[40]! ^= 1;
    expect(() => cipher.decryptBytes(stored)).toThrow();
  });

  it('names objects by a hash only the key can compute', () => {
    const object = cipher.objectName('attachment:abc');
    expect(object).toMatch(/^[0-9a-f]{64}$/);
    expect(createFieldCipher(name, key).objectName('attachment:abc')).toBe(object);
    expect(createFieldCipher(name, crypto.randomBytes(32)).objectName('attachment:abc')).not.toBe(object);
    expect(cipher.objectName('attachment:abc')).not.toBe(cipher.blindIndex('attachment:abc'));
  });
});
