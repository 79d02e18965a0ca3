import { type Actor, can } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { maskName } from './contacts.personal.ts';
import { type ContactRow, findContactByPersonalHash } from './contacts.repo.ts';

const personalKeys = [
  ['phoneHash', 'phone', '手机号码'],
  ['idNumberHash', 'idNumber', '身份证号码'],
] as const;

type Existing = { id: string; name: string };
type Match = { existing: Existing; path: 'phone' | 'idNumber'; label: string };

/** The record already holding one of these phone or ID number hashes (decision 1: one person, one record). */
export async function findDuplicate(
  db: Db,
  fields: Partial<ContactRow>,
  selfId?: string,
): Promise<Match | null> {
  for (const [column, path, label] of personalKeys) {
    const hash = fields[column];
    if (!hash) continue;
    const existing = await findContactByPersonalHash(db, column, hash);
    if (existing && existing.id !== selfId) return { existing, path, label };
  }
  return null;
}

/**
 * Decision 26: a duplicate is no oracle. Someone who may read the existing record is told which
 * it is and offered the merge; anyone else learns only that the person is recorded elsewhere,
 * with no id, name or keeper, and is offered a keeper request.
 */
export function recordedElsewhere(path: string, label: string) {
  return new AppError(
    'conflict',
    `A person with this ${path === 'phone' ? 'phone' : 'ID number'} is already recorded elsewhere; ask to keep them with POST /api/v1/keeper-requests`,
    `已有相同${label}的青年由其他团干部联系，不能重复录入；可申请加入联系名单，由管理员审核`,
    [
      { path, message: '已在别处登记 / already recorded elsewhere' },
      { path: 'keeperRequest', message: 'POST /api/v1/keeper-requests' },
    ],
  );
}

export async function duplicateError(p: Platform, actor: Actor, m: Match) {
  if (!(await can(p, actor, { type: 'contact', id: m.existing.id }, 'read')))
    return recordedElsewhere(m.path, m.label);
  const masked = maskName(m.existing.name);
  return new AppError(
    'conflict',
    `A contact with this ${m.path === 'phone' ? 'phone' : 'ID number'} exists: ${m.existing.id} (${masked}); add the cadre as keeper with POST /contacts/${m.existing.id}/keepers`,
    `已有相同${m.label}的联系青年「${masked}」（${m.existing.id}），可将其加入联系名单，请勿重复录入`,
    [
      { path: m.path, message: `已存在 / exists: ${m.existing.id}` },
      { path: 'existingId', message: m.existing.id },
      { path: 'existingName', message: masked },
    ],
  );
}

/** Before a write: a duplicate answered as the caller may hear it. */
export async function assertPersonUnique(
  p: Platform,
  actor: Actor,
  fields: Partial<ContactRow>,
  selfId?: string,
) {
  const m = await findDuplicate(p.db, fields, selfId);
  if (m) throw await duplicateError(p, actor, m);
}

/** Inside a write's transaction (no access query may run beside it): told as "recorded elsewhere". */
export async function assertPersonUniqueIn(tx: Db, fields: Partial<ContactRow>, selfId?: string) {
  const m = await findDuplicate(tx, fields, selfId);
  if (m) throw recordedElsewhere(m.path, m.label);
}
