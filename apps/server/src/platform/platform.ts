import crypto from 'node:crypto';
import { type AttachmentStore, attachmentStoreFor } from './attachment-store.ts';
import { AuditLog } from './audit.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { type AuditMac, createAuditMac, type FieldCipher } from './crypto.ts';
import type { Database, Db } from './db/client.ts';

/** What every service needs: the database, the cipher, the audit log, the clock, the attachments' store. */
export interface Platform {
  db: Db;
  dbKind: Database['kind'];
  cipher: FieldCipher;
  audit: AuditLog;
  clock: Clock;
  config: Config;
  attachmentStore: AttachmentStore;
}

export function createPlatform(
  database: Database,
  cipher: FieldCipher,
  clock: Clock,
  config: Config,
  // tests and benchmarks: an ephemeral key; a server and the command line pass the configured one
  auditMac: AuditMac = createAuditMac(config.cipher, crypto.randomBytes(32)),
): Platform {
  return {
    db: database.db,
    dbKind: database.kind,
    cipher,
    audit: new AuditLog(auditMac, clock),
    clock,
    config,
    attachmentStore: attachmentStoreFor(database.kind, config),
  };
}

/** Runs `work` in one transaction: all of it lands, or none. */
export function inTransaction<T>(p: Platform, work: (tx: Db) => Promise<T>): Promise<T> {
  return p.db.transaction((tx) => work(tx as unknown as Db));
}
