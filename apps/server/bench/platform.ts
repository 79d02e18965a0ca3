import crypto from 'node:crypto';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createFieldCipher } from '../src/platform/crypto.ts';
import type { Database } from '../src/platform/db/client.ts';
import { createPlatform } from '../src/platform/platform.ts';

/** A platform on `database` as the benches use it: a throwaway field key, demo accounts (no TOTP). */
export const benchPlatform = (database: Database) =>
  createPlatform(database, createFieldCipher('aes-256-gcm', crypto.randomBytes(32)), systemClock, {
    ...loadConfig({}),
    demo: true,
  });
