import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../platform/access.ts';
import { attachments } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { denyOn } from '../contact-points/contact-points.service.ts';
import { canRead, loadActivity } from './activities.access.ts';
import { findActivity, findAttachment, toAttachmentDto } from './activities.repo.ts';

// Attachments (decision 20): content-addressed files under the data folder, served through scope checks.

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

const storeDir = (p: Platform) => path.join(p.config.dataDir, 'attachments');

function safeFileName(name: string | undefined): string {
  const base = (name ?? '')
    .replace(/^.*[\\/]/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base || 'file';
}

export async function addAttachment(
  p: Platform,
  actor: Actor,
  activityId: string,
  file: { fileName: string | undefined; data: Buffer },
) {
  await loadActivity(p, actor, activityId, 'write');
  const { mime, detected } = sniffType(file.data);
  if (!mime) {
    throw badRequest(
      `File type ${detected} is not allowed: JPEG, PNG, PDF, DOCX or XLSX only`,
      `不允许的文件类型（${detected}），仅限 JPEG、PNG、PDF、DOCX、XLSX`,
      [{ path: 'file', message: `类型 ${detected} 不允许 / type ${detected} not allowed` }],
    );
  }
  const sha256 = crypto.createHash('sha256').update(file.data).digest('hex');
  const dir = storeDir(p);
  const target = path.join(dir, sha256);
  await fs.promises.mkdir(dir, { recursive: true });
  // content-addressed: the same bytes are stored once; written aside, then renamed into place
  if (!fs.existsSync(target)) {
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, file.data);
    await fs.promises.rename(tmp, target);
  }
  const row = {
    id: crypto.randomUUID(),
    activityId,
    fileName: safeFileName(file.fileName),
    mime,
    size: file.data.length,
    sha256,
    createdBy: actor.name,
  };
  return inTransaction(p, async (tx) => {
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
}

/** The file, to those who may read its activity. */
export async function openAttachment(p: Platform, actor: Actor, id: string) {
  const row = await findAttachment(p.db, id);
  if (!row) throw notFound('Attachment', id, '附件');
  const v = await findActivity(p.db, row.activityId);
  if (!v || !(await canRead(p, actor, v))) throw await denyOn(p, actor, 'attachment', id, 'read', '附件');
  const file = path.join(storeDir(p), row.sha256);
  if (!fs.existsSync(file)) throw notFound('Attachment file', id, '附件文件');
  return { row, stream: fs.createReadStream(file) };
}
