import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { activities, attachments } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadActivity } from './activities.access.ts';
import { findAttachment, toAttachmentDto } from './activities.repo.ts';
import {
  contentDigest,
  lockContent,
  putContent,
  readContent,
  releaseContents,
} from './attachment-storage.ts';

// Attachments (decision 20): stored once per content, encrypted (attachment-storage.ts), served through
// scope checks, within a quota per cadre.

const ZIP_KINDS: [marker: string, mime: string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

/** The type by the first bytes, never by the name: JPEG, PNG, PDF, and Office's DOCX/XLSX zips. */
export function sniffType(buf: Buffer): { mime: string | null; detected: string } {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return { mime: 'image/jpeg', detected: 'JPEG' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: 'image/png', detected: 'PNG' };
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { mime: 'application/pdf', detected: 'PDF' };
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // an OOXML package names its parts in the zip's local headers, in clear
    const text = buf.toString('latin1');
    if (text.includes('[Content_Types].xml')) {
      for (const [marker, mime] of ZIP_KINDS) if (text.includes(marker)) return { mime, detected: marker };
    }
    return { mime: null, detected: 'ZIP' };
  }
  if (starts(0x4d, 0x5a)) return { mime: null, detected: 'Windows executable (MZ)' };
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return { mime: null, detected: 'ELF executable' };
  return { mime: null, detected: buf.length === 0 ? 'empty' : 'unknown' };
}

function safeFileName(name: string | undefined): string {
  const base = (name ?? '')
    .replace(/^.*[\\/]/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base || 'file';
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

// Uploads for one cadre take turns from the quota check to the commit, so two cannot both fit.
const QUOTA_LOCK = 0x11a4c3;

/** 413 when the cadre's attachments with this file would pass LIANXIN_ATTACHMENT_QUOTA_MB. */
async function checkQuota(p: Platform, tx: Db, cadreId: string, size: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK}, hashtext(${cadreId}))`);
  const [row] = await tx
    .select({ used: sql<string>`coalesce(sum(${attachments.size}), 0)` })
    .from(attachments)
    .innerJoin(activities, eq(activities.id, attachments.activityId))
    .where(eq(activities.cadreId, cadreId));
  const used = Number(row?.used ?? 0);
  const quota = p.config.attachmentQuotaMb * MB;
  if (used + size <= quota) return;
  const limit = `${p.config.attachmentQuotaMb} MB`;
  throw new AppError(
    'payload_too_large',
    `Attachment quota exceeded: ${limit} per cadre, ${megabytes(used)} used, this file ${megabytes(size)}`,
    `附件空间不足：每位团干部上限 ${limit}，已用 ${megabytes(used)}，本文件 ${megabytes(size)}`,
    [{ path: 'file', message: `超出附件配额 ${limit} / over the ${limit} quota` }],
  );
}

export async function addAttachment(
  p: Platform,
  actor: Actor,
  activityId: string,
  file: { fileName: string | undefined; data: Buffer },
) {
  const v = await loadActivity(p, actor, activityId, 'write');
  const { mime, detected } = sniffType(file.data);
  if (!mime) {
    throw badRequest(
      `File type ${detected} is not allowed: JPEG, PNG, PDF, DOCX or XLSX only`,
      `不允许的文件类型（${detected}），仅限 JPEG、PNG、PDF、DOCX、XLSX`,
      [{ path: 'file', message: `类型 ${detected} 不允许 / type ${detected} not allowed` }],
    );
  }
  const sha256 = contentDigest(file.data);
  const row = {
    id: crypto.randomUUID(),
    activityId,
    fileName: safeFileName(file.fileName),
    mime,
    size: file.data.length,
    sha256,
    createdBy: actor.name,
  };
  let stored = false;
  try {
    return await inTransaction(p, async (tx) => {
      await checkQuota(p, tx, v.activity.cadreId, row.size);
      // held to the commit: a removal of the same content waits for this row (attachment-storage.ts)
      await lockContent(tx, sha256);
      await putContent(p, tx, sha256, file.data);
      stored = true;
      const [inserted] = await tx.insert(attachments).values(row).returning();
      await p.audit.append(tx, {
        actor: actor.name,
        action: 'attachment.create',
        objectType: 'attachment',
        objectId: row.id,
        after: { activityId, mime, size: row.size, sha256 },
        ip: actor.ip,
      });
      return toAttachmentDto(inserted!);
    });
  } catch (e) {
    // a file written before the rollback is referenced by nothing
    if (stored) await releaseContents(p, [sha256]);
    throw e;
  }
}

/** The file, to those who may read its activity. */
export async function openAttachment(p: Platform, actor: Actor, id: string) {
  const row = await findAttachment(p.db, id);
  if (!row) throw notFound('Attachment', id, '附件');
  await authorize(p, actor, { type: 'attachment', id }, 'read');
  const data = await readContent(p, row.sha256);
  if (!data) throw notFound('Attachment file', id, '附件文件');
  return { row, data };
}

/** Deletes one attachment, as its activity is written; its stored object goes when nothing else refers to it. */
export async function removeAttachment(p: Platform, actor: Actor, id: string) {
  const row = await findAttachment(p.db, id);
  if (!row) throw notFound('Attachment', id, '附件');
  await loadActivity(p, actor, row.activityId, 'write');
  await inTransaction(p, async (tx) => {
    await tx.delete(attachments).where(eq(attachments.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'attachment.delete',
      objectType: 'attachment',
      objectId: id,
      before: { activityId: row.activityId, mime: row.mime, size: row.size, sha256: row.sha256 },
      ip: actor.ip,
    });
  });
  await releaseContents(p, [row.sha256]);
  return { ok: true as const };
}
